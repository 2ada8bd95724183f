/// <reference lib="webworker" />
/**
 * What both snippet workers (TypeScript and Python) share: printing and tracing
 * with caps, reporting errors, and the heartbeat the page's watchdog listens for.
 *
 * Every line and every trace event is posted as soon as it is made. Batching them
 * would lose the last ones when a snippet then loops for ever, since a worker that
 * is busy in a loop runs no timer that could send the rest; the caps below keep
 * the number of messages bounded.
 */
import type { TraceEvent } from '../../shared/trace-event.ts';
import type { OutputStream, WorkerMessage } from '../protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const HEARTBEAT_MS = 200;
/** Enough for any documented snippet many times over; a print loop stops here. */
const MAX_LINES = 2000;
const MAX_BYTES = 200_000;
/** More steps than a reader would step through; a generator loop stops being recorded here. */
const MAX_TRACE_EVENTS = 500;

let eventsRecorded = 0;
let linesSent = 0;
let bytesSent = 0;
let truncated = false;

export function send(message: WorkerMessage) {
	self.postMessage(message);
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
	if (linesSent > MAX_LINES || bytesSent > MAX_BYTES) {
		truncated = true;
		send({ type: 'truncated' });
		return;
	}
	send({ type: 'output', stream, line });
}

export function reportError(name: string, message: string, line?: number) {
	send({ type: 'error', name, message, line });
}

export function reportDone() {
	send({ type: 'done' });
}

/**
 * Sent on a timer that the snippet cannot block without blocking it too: when the
 * heartbeat stops, the snippet is busy in code that never gives control back.
 */
export function startHeartbeat(startInterval: (callback: () => void, delay: number) => unknown) {
	startInterval(() => send({ type: 'alive' }), HEARTBEAT_MS);
}
