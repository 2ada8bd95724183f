/**
 * The two recorders behind the trace view, run outside the browser: the
 * TypeScript one in a fresh V8 realm, the Python one in Pyodide, the same
 * Python the page runs. Both must tell the same story in the same events.
 */
import { readFile } from 'node:fs/promises';
import vm from 'node:vm';
import { loadPyodide } from 'pyodide';
import { loadRecorder, runPythonSnippet, type Pyodide } from '../../src/shared/pyodide-api.ts';
import { describe, expect, test } from 'vitest';
import {
	instrumentGenerators,
	TRACE_PARAMETER,
} from '../../src/recorders/instrument-generators.ts';
import { wrapTracedFunctions } from '../../src/recorders/wrap-traced-functions.ts';
import { toSequenceDiagram } from '../../src/shared/trace-diagram.ts';
import { focusTrace, type TraceEvent } from '../../src/shared/trace-event.ts';
import { transpileTypeScript } from '../../src/shared/transpile.ts';

/** Events as one line each, easy to read in a failing test: "caller -> outer#1 call next()". */
function summarize(events: TraceEvent[]): string[] {
	return events.map((event) => {
		const detail =
			event.kind === 'call'
				? `${event.method}(${event.value ?? ''})`
				: event.kind === 'create' || event.kind === 'function-call'
					? ''
					: (event.value ?? '');
		const arrow =
			event.kind === 'create' || event.kind === 'call' || event.kind === 'function-call'
				? `${event.caller} -> ${event.generator}`
				: `${event.generator} -> ${event.caller}`;
		return `${arrow} ${event.kind} ${detail}`.trim();
	});
}

function traceTypeScript(source: string): TraceEvent[] {
	const context = vm.createContext({ console: { log() {} } });
	const events: TraceEvent[] = [];
	const tracing = instrumentGenerators({
		generatorPrototype: vm.runInContext(
			'Object.getPrototypeOf(function* () {}).prototype',
			context
		) as object,
		record: (event) => events.push(event),
		format: (value) => (typeof value === 'string' ? `'${value}'` : String(value)),
		findLine: () => undefined,
	});
	const run = vm.runInContext(
		`(function (${TRACE_PARAMETER}) {${wrapTracedFunctions(transpileTypeScript(source))}})`,
		context
	) as (tracing: unknown) => void;
	run(tracing);
	return events;
}

// Pyodide types `globals` as a bare proxy; it is the main module's dict, which has `get`.
const pyodide = (await loadPyodide()) as unknown as Pyodide;
const recorder = loadRecorder(pyodide, await readFile('src/recorders/trace_generators.py', 'utf8'));

/** `functions`: also record plain functions, as the page and the diagram contract ask. */
function tracePython(source: string, { functions = false } = {}): TraceEvent[] {
	const events: TraceEvent[] = [];
	const sink = (event: string) => void events.push(JSON.parse(event) as TraceEvent);
	const end = runPythonSnippet(pyodide, source, { recorder, sink, functions });
	if (end.failed) throw new Error(end.traceback);
	return events;
}

describe('the TypeScript recorder', () => {
	test('records creation, yield* delegation with its values, and throw', () => {
		const events = traceTypeScript(`
function* inner(): Generator<number, string, string> {
  const got = yield 1;
  return got;
}
function* outer() {
  try {
    yield* inner();
  } catch {
    yield 2;
  }
}
const gen = outer();
gen.next();
gen.throw(new Error('stop'));
`);
		expect(summarize(events)).toEqual([
			'caller -> outer#1 create',
			'caller -> outer#1 call next()',
			'outer#1 -> inner#1 create',
			'outer#1 -> inner#1 call next(undefined)',
			'inner#1 -> outer#1 yield 1',
			'outer#1 -> caller yield 1',
			'caller -> outer#1 call throw(Error: stop)',
			'outer#1 -> inner#1 call throw(Error: stop)',
			'inner#1 -> outer#1 raise Error: stop',
			'outer#1 -> caller yield 2',
		]);
	});

	test('records a for...of loop, and numbers generators of the same function', () => {
		const events = traceTypeScript(`
const count = function* (n: number) { for (let i = 0; i < n; i++) yield i; };
for (const _ of count(1)) {}
count(0).next();
`);
		expect(summarize(events)).toEqual([
			'caller -> count#1 create',
			'caller -> count#1 call next()',
			'count#1 -> caller yield 0',
			'caller -> count#1 call next()',
			'count#1 -> caller return undefined',
			'caller -> count#2 create',
			'caller -> count#2 call next()',
			'count#2 -> caller return undefined',
		]);
	});
});

describe('the TypeScript recorder, for plain calls', () => {
	test("records a class's methods and an async function's call, which returns its promise", () => {
		const events = traceTypeScript(`
class Counter {
  count = 0;
  add(step: number): number { return (this.count += step); }
  static start(): Counter { return new Counter(); }
}
async function later(): Promise<number> { return 1; }
const counter = Counter.start();
counter.add(2);
void later();
`).filter((event) => event.kind !== 'create');
		expect(summarize(events)).toEqual([
			'caller -> start function-call',
			'start -> caller function-return [object Object]',
			'caller -> add function-call',
			'add -> caller function-return 2',
			'caller -> later function-call',
			'later -> caller function-return [object Promise]',
		]);
	});
});

describe('the Python recorder', () => {
	test('records a send and a throw passed down a yield from chain, with lines', () => {
		const events = tracePython(`def inner():
    got = yield 1
    return got

def outer():
    try:
        yield from inner()
    except ValueError:
        yield 2

gen = outer()
next(gen)
gen.throw(ValueError('stop'))
`);
		expect(summarize(events)).toEqual([
			'caller -> outer#1 create',
			'caller -> outer#1 call next()',
			'outer#1 -> inner#1 create',
			'outer#1 -> inner#1 call next()',
			'inner#1 -> outer#1 yield 1',
			'outer#1 -> caller yield 1',
			"caller -> outer#1 call throw(ValueError('stop'))",
			"outer#1 -> inner#1 call throw(ValueError('stop'))",
			'inner#1 -> outer#1 raise ValueError: stop',
			'outer#1 -> caller yield 2',
		]);
		expect(events.map((event) => event.line)).toEqual([11, 12, 7, 7, 2, 7, 13, undefined, 2, 9]);
	});

	test('records the coroutines of async def: a send passes down the awaits, a yield comes out through them', () => {
		const events = tracePython(`class Ready:
    def __await__(self):
        sent = yield "tick"
        return sent * 2

async def inner():
    return await Ready() + 1

async def main():
    return await inner()

coro = main()
coro.send(None)
try:
    coro.send(20)
except StopIteration:
    pass
`);
		expect(summarize(events)).toEqual([
			'caller -> main#1 create',
			'caller -> main#1 call send(None)',
			'main#1 -> inner#1 create',
			'main#1 -> inner#1 call send(None)',
			'inner#1 -> __await__#1 create',
			'inner#1 -> __await__#1 call send(None)',
			"__await__#1 -> inner#1 yield 'tick'",
			"inner#1 -> main#1 yield 'tick'",
			"main#1 -> caller yield 'tick'",
			'caller -> main#1 call send(20)',
			'main#1 -> inner#1 call send(20)',
			'inner#1 -> __await__#1 call send(20)',
			'__await__#1 -> inner#1 return 40',
			'inner#1 -> main#1 return 41',
			'main#1 -> caller return 41',
		]);
	});

	test('records a refused first send: the generator stays unstarted', () => {
		const events = tracePython(`def gen():
    x = yield

g = gen()
try:
    g.send(6)
except TypeError:
    pass
g.send(None)
`);
		expect(summarize(events)).toEqual([
			'caller -> gen#1 create',
			'caller -> gen#1 call send(6)',
			"gen#1 -> caller raise TypeError: can't send non-None value to a just-started generator",
			'caller -> gen#1 call send(None)',
			'gen#1 -> caller yield None',
		]);
		expect(events.slice(1, 3).map((event) => event.state)).toEqual(['created', 'created']);
	});

	// The generator is kept alive: dropped, it would be closed as it is collected, a step of its own.
	const generatorInAFunction = `def gen():
    yield 1

running = []

def start():
    g = gen()
    next(g)
    running.append(g)

def double(x):
    return 2 * x

start()
double(next(running[0], 0))
`;

	test('records no plain function unless asked: a generator made in one is driven by the caller', () => {
		expect(summarize(tracePython(generatorInAFunction))).toEqual([
			'caller -> gen#1 create',
			'caller -> gen#1 call next()',
			'gen#1 -> caller yield 1',
			'caller -> gen#1 call next()',
			'gen#1 -> caller return None',
		]);
	});

	test('with functions, records plain calls and returns, and the function drives its generator', () => {
		const events = tracePython(generatorInAFunction, { functions: true });
		expect(summarize(events)).toEqual([
			'caller -> start function-call',
			'start -> gen#1 create',
			'start -> gen#1 call next()',
			'gen#1 -> start yield 1',
			'start -> caller function-return None',
			'caller -> gen#1 call next()',
			'gen#1 -> caller return None',
			'caller -> double function-call',
			'double -> caller function-return 0',
		]);
		expect(events.map((event) => event.line)).toEqual([14, 7, 8, 2, 9, 15, 2, 15, 12]);
	});

	test('with functions, records an exception out of a plain function as a raise', () => {
		const events = tracePython(
			`def fail():
    raise ValueError("no")

try:
    fail()
except ValueError:
    pass
`,
			{ functions: true }
		);
		expect(summarize(events)).toEqual([
			'caller -> fail function-call',
			'fail -> caller raise ValueError: no',
		]);
	});
});

test('the diagram keeps values literal, whatever characters they hold', () => {
	const diagram = toSequenceDiagram([
		{ kind: 'create', generator: '<genexpr>#1', caller: 'caller' },
		{ kind: 'call', generator: '<genexpr>#1', caller: 'caller', method: 'send', value: "'a;b#c'" },
	]);
	expect(diagram.split('\n')).toEqual([
		'sequenceDiagram',
		'  participant caller as caller',
		'  create participant g1 as #60;genexpr#62;',
		'  caller->>g1: #60;genexpr#62;()',
		"  caller->>+g1: send('a#59;b#35;c')",
	]);
});

test('a value that looks like a Mermaid directive stays text', () => {
	const diagram = toSequenceDiagram([
		{
			kind: 'yield',
			generator: 'leak#1',
			caller: 'caller',
			value: `'%%{init: {"themeCSS": "x"}}%%'`,
		},
	]);
	expect(diagram.split('\n').at(-1)).toBe(
		`  g1-->>-caller: yield '#37;#37;#123;init: #123;"themeCSS": "x"#125;#125;#37;#37;'`
	);
	expect(diagram).not.toMatch(/%%|[{}]/);
});

test('the diagram draws only a yield dashed: a return, of a function or a generator, is solid', () => {
	const diagram = toSequenceDiagram([
		{ kind: 'function-call', generator: 'drive', caller: 'caller' },
		{ kind: 'create', generator: 'gen#1', caller: 'drive' },
		{ kind: 'call', generator: 'gen#1', caller: 'drive', method: 'next' },
		{ kind: 'yield', generator: 'gen#1', caller: 'drive', value: '1' },
		{ kind: 'call', generator: 'gen#1', caller: 'drive', method: 'next' },
		{ kind: 'return', generator: 'gen#1', caller: 'drive', value: 'None' },
		{ kind: 'function-return', generator: 'drive', caller: 'caller', value: '1' },
	]);
	expect(diagram.split('\n')).toEqual([
		'sequenceDiagram',
		'  participant caller as caller',
		'  participant g1 as drive',
		'  caller->>+g1: call()',
		'  create participant g2 as gen',
		'  g1->>g2: gen()',
		'  g1->>+g2: next()',
		'  g2-->>-g1: yield 1',
		'  g1->>+g2: next()',
		'  g2->>-g1: return None',
		'  g1->>-caller: return 1',
	]);
});

test('wrapping functions for the trace moves no line of the compiled code', () => {
	const code = [
		'function outer() {',
		'  function* inner() { yield 1; }',
		'  return inner();',
		'}',
		'const ticks = function* () {};',
		'const twice = (x) => [1, 2].map((n) => n * x);',
		'outer();',
	].join('\n');
	const wrapped = wrapTracedFunctions(code).split('\n');
	expect(wrapped).toHaveLength(7);
	expect(wrapped[0]).toBe(
		`outer = ${TRACE_PARAMETER}.called(outer, "outer");function outer() {inner = ${TRACE_PARAMETER}.named(inner, "inner");`
	);
	expect(wrapped[4]).toBe(`const ticks = ${TRACE_PARAMETER}.named(function* () {}, "ticks");`);
	// A named function is wrapped; the anonymous callback is not.
	expect(wrapped[5]).toBe(
		`const twice = ${TRACE_PARAMETER}.called((x) => [1, 2].map((n) => n * x), "twice");`
	);
});

describe('a run of plain functions', () => {
	const python = [
		'def add(a, b):',
		'    return a + b',
		'',
		'def twice(x):',
		'    return add(x, x)',
		'',
		'print(twice(2))',
	].join('\n');
	const typescript = [
		'function add(a: number, b: number): number {',
		'  return a + b;',
		'}',
		'const twice = (x: number) => add(x, x);',
		'console.log(twice(2));',
	].join('\n');
	const calls = [
		'caller -> twice function-call',
		'twice -> add function-call',
		'add -> twice function-return 4',
		'twice -> caller function-return 4',
	];

	test('is traced as its calls and returns, the same in both languages', () => {
		expect(summarize(focusTrace(tracePython(python, { functions: true })))).toEqual(calls);
		expect(summarize(focusTrace(traceTypeScript(typescript)))).toEqual(calls);
	});

	test('is left out of the trace of a run that makes a generator, which the caller drives', () => {
		const withGenerator = `
function* numbers() { yield 1; }
function first() { return numbers().next().value; }
first();
`;
		expect(summarize(focusTrace(traceTypeScript(withGenerator)))).toEqual([
			'caller -> numbers#1 create',
			'caller -> numbers#1 call next()',
			'numbers#1 -> caller yield 1',
		]);
		const pythonWithGenerator = [
			'def numbers():',
			'    yield 1',
			'',
			'def first():',
			'    return next(numbers())',
			'',
			'first()',
		].join('\n');
		expect(summarize(focusTrace(tracePython(pythonWithGenerator, { functions: true })))).toEqual([
			'caller -> numbers#1 create',
			'caller -> numbers#1 call next()',
			'numbers#1 -> caller yield 1',
			// Python closes a generator nobody holds any more; JavaScript just drops it.
			'caller -> numbers#1 call close()',
			'numbers#1 -> caller raise GeneratorExit',
		]);
	});
});
