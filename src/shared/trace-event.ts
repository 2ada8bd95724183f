/**
 * What a traced run records: every generator protocol event, in order. Both
 * languages' recorders (`instrument-generators.ts` for TypeScript,
 * `trace_generators.py` for Python) produce these, so one view draws both.
 *
 * Generators are named by their function, numbered in order of creation
 * ("averager#1"); the other side of each message is the generator driving it
 * (through `yield*`/`yield from`), or "caller" for any other code.
 *
 * Both recorders can also record plain functions (the Python one on request,
 * `start(sink, functions=True)`): their calls and returns, with `generator`
 * naming the function without a number ("other_function"), and a plain function
 * then drives what it calls. The page records them and draws them only for a run
 * that made no generator (`focusTrace`).
 */

export type GeneratorState = 'created' | 'running' | 'suspended' | 'closed';

export type TraceEvent = {
	generator: string;
	caller: string;
	/** The line of the reader's code where it happened, when the recorder knows it. */
	line?: number;
	/** The generator's state afterwards, when it is not the one the kind implies (see `stateAfter`). */
	state?: GeneratorState;
} & (
	| { kind: 'create' }
	/** `value` is the argument, formatted in the run's own language; absent when there was none. */
	| { kind: 'call'; method: 'next' | 'send' | 'throw' | 'return' | 'close'; value?: string }
	| { kind: 'yield' | 'return' | 'raise'; value: string }
	/**
	 * A plain function called, and returning with `value`. An exception out of it is a `raise`,
	 * drawn the same as a generator's.
	 */
	| { kind: 'function-call' }
	| { kind: 'function-return'; value: string }
);

export const CALLER = 'caller';

/**
 * The state a generator is in once the event has happened. A plain function is
 * running during its call and closed once it returned, until it is called again.
 */
export function stateAfter(event: TraceEvent): GeneratorState {
	// A call refused before the generator ran (Python's non-None first send) leaves it as it was.
	if (event.state) return event.state;
	switch (event.kind) {
		case 'create':
			return 'created';
		case 'call':
		case 'function-call':
			return 'running';
		case 'yield':
			return 'suspended';
		case 'return':
		case 'function-return':
		case 'raise':
			return 'closed';
	}
}

/** The function that made a generator: "averager" for "averager#2". */
function functionName(generator: string): string {
	return generator.replace(/#\d+$/, '');
}

/** "averager#1" is just "averager" when the run made only one averager. */
export function displayNames(events: TraceEvent[]): Map<string, string> {
	const names = new Set(events.flatMap((event) => [event.generator, event.caller]));
	const counts = new Map<string, number>();
	for (const name of names)
		counts.set(functionName(name), (counts.get(functionName(name)) ?? 0) + 1);
	return new Map(
		[...names].map((name) => [
			name,
			counts.get(functionName(name)) === 1 ? functionName(name) : name,
		])
	);
}

/** The message's label, as a reader would write the call: `send(2)`, `yield 1`, `raise TypeError: …`. */
export function labelOf(event: TraceEvent): string {
	switch (event.kind) {
		case 'create':
			return `${functionName(event.generator)}()`;
		case 'call':
			return `${event.method}(${event.value ?? ''})`;
		case 'function-call':
			return 'call()';
		case 'yield':
		case 'return':
		case 'raise':
			return `${event.kind} ${event.value}`;
		case 'function-return':
			return `return ${event.value}`;
	}
}

/** Who sends the message: calls go to the generator (or function), everything else comes back from it. */
export function endsOf(event: TraceEvent): { from: string; to: string } {
	return event.kind === 'create' || event.kind === 'call' || event.kind === 'function-call'
		? { from: event.caller, to: event.generator }
		: { from: event.generator, to: event.caller };
}

/**
 * What a trace view draws of a run recorded with its plain functions: the
 * generators alone, driven by "caller" as without the functions, or, in a run
 * that made no generator, the calls and returns of its functions.
 */
export function focusTrace(events: TraceEvent[]): TraceEvent[] {
	const functions = new Set(
		events.filter((event) => event.kind === 'function-call').map((event) => event.generator)
	);
	if (!events.some((event) => !functions.has(event.generator))) return events;
	return events
		.filter((event) => !functions.has(event.generator))
		.map((event) => (functions.has(event.caller) ? { ...event, caller: CALLER } : event));
}
