/// <reference lib="webworker" />
/**
 * What both snippet workers (TypeScript and Python) share: printing and tracing
 * with caps, reporting errors, and the heartbeat the page's watchdog listens for.
 */
import type { TraceEvent } from '../../shared/trace-event.ts';
import type { WorkerMessage } from '../protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const HEARTBEAT_MS = 200;
const FLUSH_INTERVAL_MS = 50;
/** Enough for any documented snippet many times over; a print loop stops here. */
const MAX_LINES = 2000;
const MAX_BYTES = 200_000;
/** More steps than a reader would step through; a generator loop stops being recorded here. */
const MAX_TRACE_EVENTS = 500;

let pending: string[] = [];
let pendingEvents: TraceEvent[] = [];
let eventsRecorded = 0;
let lastFlush = 0;
let linesSent = 0;
let bytesSent = 0;
let truncated = false;

export function send(message: WorkerMessage) {
	self.postMessage(message);
}

export function flush() {
	if (pendingEvents.length > 0) send({ type: 'trace', events: pendingEvents });
	if (pending.length > 0) send({ type: 'output', lines: pending });
	pendingEvents = [];
	pending = [];
	lastFlush = performance.now();
}

/** Records one event of a traced run, sent in batches with the output. */
export function recordTraceEvent(event: TraceEvent) {
	eventsRecorded += 1;
	if (eventsRecorded > MAX_TRACE_EVENTS) {
		if (eventsRecorded === MAX_TRACE_EVENTS + 1) {
			flush();
			send({ type: 'trace-truncated' });
		}
		return;
	}
	pendingEvents.push(event);
	if (performance.now() - lastFlush > FLUSH_INTERVAL_MS) flush();
}

/** Starts counting a new run's output from zero. */
export function resetOutput() {
	pending = [];
	pendingEvents = [];
	eventsRecorded = 0;
	linesSent = 0;
	bytesSent = 0;
	truncated = false;
}

/** Prints one line, sent in batches: one message per line would flood the page. */
export function printLine(line: string) {
	if (truncated) return;
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

export function reportError(name: string, message: string, line?: number) {
	flush();
	send({ type: 'error', name, message, line });
}

export function reportDone() {
	flush();
	send({ type: 'done' });
}

/**
 * Sent on a timer that the snippet cannot block without blocking it too: when the
 * heartbeat stops, the snippet is busy in code that never gives control back.
 */
export function startHeartbeat(startInterval: (callback: () => void, delay: number) => unknown) {
	startInterval(() => send({ type: 'alive' }), HEARTBEAT_MS);
}
