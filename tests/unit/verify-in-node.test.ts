/** The doctest machinery must be able to fail: a wrong type, a wrong output, a runaway program. */
import { afterAll, describe, expect, test } from 'vitest';
import { compareOutput } from '../../src/shared/compare-output.ts';
import { findCPython, runSnippetInNode } from '../../src/snippets/run-in-node.ts';
import { PYODIDE_TEST_TIMEOUT_MS, PyodideRunner } from '../../src/snippets/run-in-pyodide.ts';
import { transpileTypeScript } from '../../src/shared/transpile.ts';
import { typecheckSnippets } from '../../src/snippets/typecheck-snippets.ts';

describe('typecheckSnippets', () => {
	test('accepts typed generator code and reports a strict-mode error with its line', () => {
		const problems = typecheckSnippets([
			{
				id: 'good',
				code: 'function* g(): Generator<number, string, number> {\n  const x = yield 1;\n  return String(x);\n}\nconsole.log(g().next());',
			},
			{ id: 'bad', code: 'function f(x) {\n  return x;\n}\nconst n: number = "one";' },
		]);
		expect(problems.has('good')).toBe(false);
		expect(problems.get('bad')?.join('\n')).toMatch(/line 1, column 12: TS7006/);
		expect(problems.get('bad')?.join('\n')).toMatch(/line 4, column 7: TS2322/);
	});

	test('checks each snippet as its own module, so names may repeat across snippets', () => {
		const code = 'function* gen() { yield 1; }\nconsole.log(gen().next().value);';
		expect(
			typecheckSnippets([
				{ id: 'a', code },
				{ id: 'b', code },
			]).size
		).toBe(0);
	});
});

describe('transpileTypeScript', () => {
	test('removes types and keeps every statement on its line', () => {
		const code =
			'const a: number = 1;\ninterface I { x: number }\nfunction* g(): Generator<number> {\n  yield a;\n}\nthrow new Error("line 6");';
		const javascript = transpileTypeScript(code);
		expect(javascript).not.toMatch(/: number|interface/);
		expect(javascript.split('\n')[5]).toContain('line 6');
	});
});

const cpython = await findCPython();

describe('runSnippetInNode', () => {
	test('captures what TypeScript and Python print', async (context) => {
		expect(
			(
				await runSnippetInNode(
					'typescript',
					'const s: string = "hi";\nconsole.log(s, { value: 1, done: false });'
				)
			).stdout
		).toBe('hi { value: 1, done: false }\n');
		if (!cpython.found) context.skip(cpython.reason);
		expect((await runSnippetInNode('python', 'print("hi", None)')).stdout).toBe('hi None\n');
	});

	test('reports a failing program through its exit code and stderr', async (context) => {
		if (!cpython.found) context.skip(cpython.reason);
		const result = await runSnippetInNode('python', 'def g():\n    yield\n\ng().send(1)');
		expect(result.exitCode).not.toBe(0);
		expect(result.stderr).toMatch(
			/TypeError: can't send non-None value to a just-started generator/
		);
	});
});

describe('PyodideRunner', () => {
	const pyodide = new PyodideRunner();
	afterAll(() => pyodide.close());
	/** Starting Pyodide comes on top of the runner's own limit. */
	const timeout = PYODIDE_TEST_TIMEOUT_MS;

	test(
		'runs each snippet as the page does, as __main__ in a namespace of its own',
		{ timeout },
		async () => {
			const first = await pyodide.run(
				'import sys\nx = 1\nprint(__name__, x)\nprint("note", file=sys.stderr)'
			);
			expect(first).toMatchObject({
				stdout: '__main__ 1\n',
				stderr: 'note\n',
				exitCode: 0,
				timedOut: false,
			});
			const second = await pyodide.run('print("x" in globals())');
			expect(second.stdout).toBe('False\n');
		}
	);

	test('gives output that a wrong transcript does not match', { timeout }, async () => {
		const result = await pyodide.run('print(sum([1, 2]))');
		expect(compareOutput('4\n', result.stdout).pass).toBe(false);
		expect(compareOutput('3\n', result.stdout).pass).toBe(true);
	});

	test(
		'reports an uncaught exception as a failure with its traceback, then runs the next snippet',
		{ timeout },
		async () => {
			const failed = await pyodide.run('def g():\n    yield\n\ng().send(1)');
			expect(failed.exitCode).not.toBe(0);
			expect(failed.timedOut).toBe(false);
			expect(failed.stderr).toMatch(
				/^Traceback \(most recent call last\):\n {2}File "<snippet>", line 4/
			);
			expect(failed.stderr).toMatch(
				/TypeError: can't send non-None value to a just-started generator\n$/
			);
			expect(await pyodide.run('print("still here")')).toMatchObject({
				stdout: 'still here\n',
				exitCode: 0,
			});
		}
	);

	test(
		'stops a snippet that never ends, and starts afresh for the next one',
		{ timeout },
		async () => {
			// The loop never ends, so any limit finds it still running: the verdict does not depend on speed.
			const stuck = await pyodide.run('while True:\n    pass', { timeLimitMs: 1000 });
			expect(stuck).toMatchObject({ exitCode: null, timedOut: true });
			expect(await pyodide.run('print(__name__)')).toMatchObject({
				stdout: '__main__\n',
				exitCode: 0,
			});
		}
	);

	test("records a run with the page's recorder when asked", { timeout }, async () => {
		const run = await pyodide.trace('def gen():\n    yield 1\n\ng = gen()\nnext(g)', {
			functions: false,
		});
		expect(run.events.map((event) => event.kind)).toEqual(['create', 'call', 'yield']);
	});
});
