/// <reference lib="webworker" />
/**
 * What both snippet workers (TypeScript and Python) share: the private channel to
 * the frame, printing and tracing with caps, reporting errors, and the heartbeat
 * the page's watchdog listens for.
 *
 * Every line and every trace event is posted as soon as it is made. Batching them
 * would lose the last ones when a snippet then loops for ever, since a worker that
 * is busy in a loop runs no timer that could send the rest; the caps below keep
 * the number of messages bounded.
 */
import type { TraceEvent } from '../../shared/trace-event.ts';
import {
	MAX_CODE_FRAMES,
	MAX_FRAME_NAME_CHARS,
	MAX_OUTPUT_BYTES,
	MAX_OUTPUT_LINES,
	MAX_TRACE_EVENTS,
	type CodeFrame,
	type ConnectRequest,
	type OutputStream,
	type WorkerMessage,
} from '../protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const HEARTBEAT_MS = 200;

let eventsRecorded = 0;
let linesSent = 0;
let bytesSent = 0;
let truncated = false;

// Bound once, before any snippet runs: the program cannot reach the port, and a
// `MessagePort.prototype.postMessage` it replaces later is not the one used here.
let postToFrame: ((message: WorkerMessage) => void) | undefined;

/**
 * Waits for the frame's port, then hands every request that arrives on it to
 * `handle`. Only the port is listened to afterwards; and `postMessage` is taken
 * from the worker's global scope, so the snippet has no way to post at all.
 */
export function connectToFrame<Request>(handle: (request: Request) => void) {
	self.addEventListener(
		'message',
		(event: MessageEvent<ConnectRequest>) => {
			const port = event.ports[0];
			if (event.data.type !== 'connect' || !port) return;
			postToFrame = port.postMessage.bind(port);
			port.addEventListener('message', (message: MessageEvent<Request>) => handle(message.data));
			port.start();
		},
		{ once: true }
	);
	for (
		let scope: object | null = self;
		scope;
		scope = Object.getPrototypeOf(scope) as object | null
	)
		Reflect.deleteProperty(scope, 'postMessage');
}

export function send(message: WorkerMessage) {
	postToFrame?.(message);
}

/** Records one event of a traced run. */
export function recordTraceEvent(event: TraceEvent) {
	eventsRecorded += 1;
	if (eventsRecorded <= MAX_TRACE_EVENTS) send({ type: 'trace', event });
	else if (eventsRecorded === MAX_TRACE_EVENTS + 1) send({ type: 'trace-truncated' });
}

/** Starts counting a new run's output from zero. */
export function resetOutput() {
	eventsRecorded = 0;
	linesSent = 0;
	bytesSent = 0;
	truncated = false;
}

/** Prints one line to the program's standard output or error; both count toward the cap. */
export function printLine(line: string, stream: OutputStream = 'stdout') {
	if (truncated) return;
	linesSent += 1;
	bytesSent += line.length + 1;
	if (linesSent > MAX_OUTPUT_LINES || bytesSent > MAX_OUTPUT_BYTES) {
		truncated = true;
		send({ type: 'truncated' });
		return;
	}
	send({ type: 'output', stream, line });
}

export function reportError(
	name: string,
	message: string,
	line?: number,
	lingering = false,
	frames?: CodeFrame[]
) {
	const shown = frames
		?.slice(-MAX_CODE_FRAMES)
		.map((frame) => ({ ...frame, name: frame.name?.slice(0, MAX_FRAME_NAME_CHARS) }));
	send({ type: 'error', name, message, line, frames: shown, lingering });
}

export function reportDone(lingering = false) {
	send({ type: 'done', lingering });
}

/** The worker's own timer functions, taken before any snippet can replace them. */
export const workerTimers = {
	setTimeout: self.setTimeout.bind(self),
	setInterval: self.setInterval.bind(self),
	clearTimeout: self.clearTimeout.bind(self),
	clearInterval: self.clearInterval.bind(self),
};

/**
 * Sent on a timer that the snippet cannot block without blocking it too: when the
 * heartbeat stops, the snippet is busy in code that never gives control back.
 */
export function startHeartbeat() {
	workerTimers.setInterval(() => send({ type: 'alive' }), HEARTBEAT_MS);
}

/**
 * Gives the snippet timer functions that keep `pending` up to date: a timeout
 * until it fires or is cleared, an interval until it is cleared. `onChange` runs
 * after a timeout's callback and after every clear. The runner's own timers
 * (`workerTimers`, the heartbeat) are not counted.
 */
export function countPendingTimers(pending: Set<number>, onChange: () => void = () => {}) {
	self.setTimeout = ((callback: TimerHandler, delay?: number, ...args: unknown[]) => {
		const id = workerTimers.setTimeout(() => {
			pending.delete(id);
			if (typeof callback === 'function') (callback as (...args: unknown[]) => void)(...args);
			onChange();
		}, delay);
		pending.add(id);
		return id;
	}) as typeof setTimeout;
	self.setInterval = ((callback: TimerHandler, delay?: number, ...args: unknown[]) => {
		const id = workerTimers.setInterval(() => {
			if (typeof callback === 'function') (callback as (...args: unknown[]) => void)(...args);
		}, delay);
		pending.add(id);
		return id;
	}) as typeof setInterval;
	self.clearTimeout = (id?: number) => {
		if (id !== undefined) pending.delete(id);
		workerTimers.clearTimeout(id);
		onChange();
	};
	self.clearInterval = (id?: number) => {
		if (id !== undefined) pending.delete(id);
		workerTimers.clearInterval(id);
		onChange();
	};
}
