/// <reference lib="webworker" />
/**
 * Runs one snippet off the page's main thread, inside the sandbox frame, and
 * reports what it prints.
 *
 * A snippet that loops forever cannot be interrupted from inside. This worker
 * sends a heartbeat on a timer instead: a busy loop stops the heartbeat, and the
 * page's watchdog then terminates the worker. A snippet that is only waiting on
 * a timer or a promise keeps the heartbeat going and is left to finish.
 */
import { formatLogArguments } from './format-console.ts';
import type { RunRequest, WorkerMessage } from './worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const HEARTBEAT_MS = 200;
const FLUSH_INTERVAL_MS = 50;
/** Enough for any documented snippet many times over; a print loop stops here. */
const MAX_LINES = 2000;
const MAX_BYTES = 200_000;

// The snippet may replace or wrap these; the runner keeps its own copies.
const { setTimeout: startTimeout, setInterval: startInterval, clearTimeout: cancelTimeout, clearInterval: cancelInterval } = self;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<void>;

let pending: string[] = [];
let lastFlush = 0;
let linesSent = 0;
let bytesSent = 0;
let truncated = false;
let finished = false;

function send(message: WorkerMessage) {
	self.postMessage(message);
}

function flush() {
	if (pending.length === 0) return;
	send({ type: 'output', lines: pending });
	pending = [];
	lastFlush = performance.now();
}

function print(...args: unknown[]) {
	if (truncated) return;
	const line = formatLogArguments(args);
	linesSent += 1;
	bytesSent += line.length + 1;
	if (linesSent > MAX_LINES || bytesSent > MAX_BYTES) {
		truncated = true;
		flush();
		send({ type: 'truncated' });
		return;
	}
	pending.push(line);
	if (performance.now() - lastFlush > FLUSH_INTERVAL_MS) flush();
}

/**
 * The line in the reader's code where an error was thrown. Code made by the
 * Function constructor starts two lines into its own source (the generated
 * function header), so V8 reports the reader's line 1 as line 3.
 */
const FUNCTION_HEADER_LINES = 2;
function findSnippetLine(error: unknown): number | undefined {
	const stack = error instanceof Error ? (error.stack ?? '') : '';
	const match = /<anonymous>:(\d+):\d+/.exec(stack);
	return match ? Number(match[1]) - FUNCTION_HEADER_LINES : undefined;
}

function reportError(error: unknown) {
	if (finished) return;
	finished = true;
	flush();
	const { name, message } = error instanceof Error ? error : { name: 'Uncaught', message: formatLogArguments([error]) };
	send({ type: 'error', name, message, line: findSnippetLine(error) });
}

// Timers the snippet starts: the run is over only once none is left, as in Node.
const activeTimers = new Set<number>();
let mainFinished = false;

function finishIfIdle() {
	// Let promise callbacks that are already queued run first.
	startTimeout(() => {
		if (finished || !mainFinished || activeTimers.size > 0) return;
		finished = true;
		flush();
		send({ type: 'done' });
	}, 0);
}

function trackTimers() {
	self.setTimeout = ((callback: TimerHandler, delay?: number, ...args: unknown[]) => {
		const id = startTimeout(() => {
			activeTimers.delete(id);
			if (typeof callback === 'function') callback(...args);
			finishIfIdle();
		}, delay);
		activeTimers.add(id);
		return id;
	}) as typeof setTimeout;
	self.setInterval = ((callback: TimerHandler, delay?: number, ...args: unknown[]) => {
		const id = startInterval(() => {
			if (typeof callback === 'function') callback(...args);
		}, delay);
		activeTimers.add(id);
		return id;
	}) as typeof setInterval;
	self.clearTimeout = (id?: number) => {
		if (id !== undefined) activeTimers.delete(id);
		cancelTimeout(id);
		finishIfIdle();
	};
	self.clearInterval = (id?: number) => {
		if (id !== undefined) activeTimers.delete(id);
		cancelInterval(id);
		finishIfIdle();
	};
}

startInterval(() => send({ type: 'alive' }), HEARTBEAT_MS);
console.log = print;
console.info = print;
self.addEventListener('unhandledrejection', (event) => reportError(event.reason));
self.addEventListener('error', (event) => {
	event.preventDefault();
	reportError(event.error ?? event.message);
});

self.addEventListener(
	'message',
	async (event: MessageEvent<RunRequest>) => {
		send({ type: 'alive' });
		trackTimers();
		try {
			// An async function body, so that top-level `await` works as in a module;
			// 'use strict' shares the first line so that line numbers stay the reader's.
			await new AsyncFunction(`'use strict';${event.data.code}`)();
			mainFinished = true;
			finishIfIdle();
		} catch (error) {
			reportError(error);
		}
	},
	{ once: true },
);
