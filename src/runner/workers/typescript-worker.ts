/// <reference lib="webworker" />
/**
 * Runs one TypeScript snippet (its types already removed) off the page's main
 * thread, inside the sandbox frame. Each run gets a fresh worker.
 *
 * A snippet that loops forever cannot be interrupted from inside: the heartbeat
 * stops, and the page's watchdog terminates this worker. A snippet that is only
 * waiting on a timer or a promise keeps the heartbeat going and may finish.
 */
import {
	instrumentGenerators,
	TRACE_PARAMETER,
	type GeneratorTracing,
} from '../../recorders/instrument-generators.ts';
import { formatLogArguments, formatValue } from './format-console.ts';
import {
	connectToFrame,
	countPendingTimers,
	printLine,
	recordTraceEvent,
	reportDone,
	reportError,
	send,
	startHeartbeat,
	workerTimers,
} from './worker-output.ts';
import { THROW_SITE_PARAMETER, type CodeFrame, type RunRequest } from '../protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const AsyncFunction = (Object.getPrototypeOf(async () => {}) as { constructor: unknown })
	.constructor as new (
	tracingParameter: string,
	throwSiteParameter: string,
	body: string
) => (
	tracing: GeneratorTracing | undefined,
	throwSite: (value: unknown) => unknown
) => Promise<void>;

let finished = false;

/**
 * The line in the reader's code where an error was thrown. Code made by the
 * Function constructor starts two lines into its own source (the generated
 * function header), so V8 reports the reader's line 1 as line 3. The first such
 * line in the stack is the innermost call in the reader's code.
 */
const FUNCTION_HEADER_LINES = 2;
function findSnippetLine(error: unknown): number | undefined {
	const stack = error instanceof Error ? (error.stack ?? '') : '';
	const match = /<anonymous>:(\d+):\d+/.exec(stack);
	return match ? Number(match[1]) - FUNCTION_HEADER_LINES : undefined;
}

/**
 * The calls in the reader's code that led to an error, outermost first, read
 * from V8's stack: `at inner (eval at run (…), <anonymous>:5:11)`. The reader's
 * top level is the function the Function constructor made, called `eval` there.
 */
function findSnippetFrames(error: Error): CodeFrame[] {
	const frames: CodeFrame[] = [];
	for (const [, name, line] of (error.stack ?? '').matchAll(
		/^\s*at (?:async )?(\S+) \(eval at .*<anonymous>:(\d+):\d+\)$/gm
	)) {
		const frame: CodeFrame = { line: Number(line) - FUNCTION_HEADER_LINES };
		if (name !== 'eval') frame.name = name;
		frames.unshift(frame);
	}
	return frames;
}

/** The last value thrown that is not an Error, and its line: such a value has no stack to read it from. */
let lastThrown: { value: unknown; line: number | undefined } | undefined;
function noteThrowSite(value: unknown): unknown {
	if (!(value instanceof Error)) lastThrown = { value, line: findSnippetLine(new Error()) };
	return value;
}

function fail(error: unknown) {
	if (finished) return;
	finished = true;
	if (error instanceof Error)
		return reportError(
			error.name,
			error.message,
			findSnippetLine(error),
			false,
			findSnippetFrames(error)
		);
	const line = lastThrown && Object.is(lastThrown.value, error) ? lastThrown.line : undefined;
	reportError('Uncaught', formatLogArguments([error]), line);
}

// Timers the snippet starts: the run is over only once none is left, as in Node.
const activeTimers = new Set<number>();
let mainFinished = false;

function finishIfIdle() {
	// Let promise callbacks that are already queued run first. The browser reports a
	// promise nobody handled in a task of its own, queued after those callbacks: the
	// second turn lets that report (an error) come before the run is called done.
	workerTimers.setTimeout(() => {
		workerTimers.setTimeout(() => {
			if (finished || !mainFinished || activeTimers.size > 0) return;
			finished = true;
			reportDone();
		}, 0);
	}, 0);
}

// Like Node: log, info and debug print to stdout, error and warn to stderr.
console.log = (...args: unknown[]) => printLine(formatLogArguments(args));
console.info = console.log;
console.debug = console.log;
console.error = (...args: unknown[]) => printLine(formatLogArguments(args), 'stderr');
console.warn = console.error;
self.addEventListener('unhandledrejection', (event) => fail(event.reason));
self.addEventListener('error', (event) => {
	event.preventDefault();
	fail(event.error ?? event.message);
});

async function run({ code, trace }: RunRequest) {
	// Started with the run, not before: a spare worker waiting for its run stays quiet.
	startHeartbeat();
	send({ type: 'alive' });
	countPendingTimers(activeTimers, finishIfIdle);
	const tracing = trace
		? instrumentGenerators({
				generatorPrototype: (Object.getPrototypeOf(function* () {}) as { prototype: object })
					.prototype,
				record: recordTraceEvent,
				format: formatValue,
				findLine: () => findSnippetLine(new Error()),
			})
		: undefined;
	try {
		// An async function body, so that top-level `await` works as in a module;
		// 'use strict' shares the first line so that line numbers stay the reader's.
		await new AsyncFunction(TRACE_PARAMETER, THROW_SITE_PARAMETER, `'use strict';${code}`)(
			tracing,
			noteThrowSite
		);
		mainFinished = true;
		finishIfIdle();
	} catch (error) {
		fail(error);
	}
}

// One run per worker: the frame sends exactly one request, and any other is ignored.
let started = false;
connectToFrame<RunRequest>((request) => {
	if (started) return;
	started = true;
	void run(request);
});
