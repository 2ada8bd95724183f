/// <reference lib="webworker" />
/**
 * Runs one snippet off the page's main thread and reports what it prints.
 *
 * A snippet that never ends cannot be interrupted from inside; the page's
 * watchdog terminates this worker instead, which is why output is sent in
 * batches as it is printed rather than only at the end.
 */
import { formatLogArguments } from './format-console.ts';
import type { RunRequest, WorkerMessage } from './worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const FLUSH_INTERVAL_MS = 50;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<void>;

let pending: string[] = [];
let lastFlush = 0;

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
	pending.push(formatLogArguments(args));
	if (performance.now() - lastFlush > FLUSH_INTERVAL_MS) flush();
}

function reportError(error: unknown) {
	flush();
	const { name, message } =
		error instanceof Error ? error : { name: 'Uncaught', message: formatLogArguments([error]) };
	send({ type: 'error', name, message });
}

console.log = print;
console.info = print;
self.addEventListener('unhandledrejection', (event) => reportError(event.reason));
self.addEventListener('error', (event) => reportError(event.error ?? event.message));

self.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
	try {
		// An async function body, so that top-level `await` works as it does in a
		// module; 'use strict' shares the first line so line numbers stay the reader's.
		await new AsyncFunction(`'use strict';${event.data.code}`)();
		// Let callbacks the snippet queued without delay run before calling it done.
		await new Promise((resolve) => setTimeout(resolve, 0));
		flush();
		send({ type: 'done' });
	} catch (error) {
		reportError(error);
	}
});
