/**
 * The page's side of the sandbox: one hidden frame per page, one run at a time,
 * and the watchdog that stops a run whose worker has gone silent.
 */
import workerUrl from './snippet-worker.ts?worker&url';
import { getSandboxDocument } from './sandbox-frame.ts';
import type { FrameMessage, FrameRequest, WorkerMessage } from './worker-protocol.ts';

/** A worker that sends no heartbeat for this long is busy in a loop it will not leave. */
export const STUCK_AFTER_MS = 1000;
/** A run that keeps its worker answering (timers, promises) may still not go on for ever. */
export const MAX_RUN_MS = 10_000;
const WATCHDOG_INTERVAL_MS = 200;
const FRAME_START_LIMIT_MS = 5000;

export type RunEnd =
	| { kind: 'done' }
	| { kind: 'error'; name: string; message: string; line?: number }
	| { kind: 'stuck'; seconds: number }
	| { kind: 'too-long'; seconds: number }
	| { kind: 'stopped' }
	| { kind: 'unavailable'; reason: string };

export interface RunHandlers {
	onOutput(lines: string[]): void;
	onTruncated(): void;
}

interface ActiveRun {
	runId: number;
	handlers: RunHandlers;
	finish: (end: RunEnd) => void;
}

let frame: Promise<HTMLIFrameElement> | undefined;
let workerSource: Promise<string> | undefined;
let active: ActiveRun | undefined;
let nextRunId = 1;

function post(target: HTMLIFrameElement, request: FrameRequest) {
	// The frame's origin is opaque, so it cannot be named as a target.
	target.contentWindow?.postMessage(request, '*');
}

function startFrame(): Promise<HTMLIFrameElement> {
	return new Promise((resolve, reject) => {
		const iframe = document.createElement('iframe');
		iframe.setAttribute('sandbox', 'allow-scripts');
		iframe.title = 'Snippet sandbox';
		iframe.hidden = true;
		iframe.srcdoc = getSandboxDocument();
		const timer = setTimeout(() => reject(new Error('the sandbox did not start')), FRAME_START_LIMIT_MS);
		window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
			if (event.source !== iframe.contentWindow) return;
			if (event.data.type === 'ready') {
				clearTimeout(timer);
				resolve(iframe);
			} else if (active && 'runId' in event.data && event.data.runId === active.runId) {
				receive(active, event.data);
			}
		});
		document.body.append(iframe);
	});
}

function receive(run: ActiveRun, message: FrameMessage) {
	if (message.type === 'unavailable') return run.finish({ kind: 'unavailable', reason: message.reason });
	if (message.type !== 'worker') return;
	const data: WorkerMessage = message.message;
	lastSign = performance.now();
	if (data.type === 'output') run.handlers.onOutput(data.lines);
	else if (data.type === 'truncated') run.handlers.onTruncated();
	else if (data.type === 'done') run.finish({ kind: 'done' });
	else if (data.type === 'error') run.finish({ kind: 'error', name: data.name, message: data.message, line: data.line });
}

let lastSign = 0;

/** Stops the run in progress, if any; its caller is told it was stopped. */
export function stopRun() {
	active?.finish({ kind: 'stopped' });
}

/** Runs JavaScript in a fresh worker in the sandbox. A new run stops the one before it. */
export async function runInSandbox(code: string, handlers: RunHandlers): Promise<RunEnd> {
	stopRun();
	const runId = nextRunId++;
	let iframe: HTMLIFrameElement;
	let source: string;
	try {
		frame ??= startFrame();
		workerSource ??= fetch(workerUrl).then((response) => {
			if (!response.ok) throw new Error(`the runner's worker could not be loaded (${response.status})`);
			return response.text();
		});
		[iframe, source] = await Promise.all([frame, workerSource]);
	} catch (error) {
		frame = undefined;
		workerSource = undefined;
		return { kind: 'unavailable', reason: (error as Error).message };
	}
	if (nextRunId !== runId + 1) return { kind: 'stopped' }; // Another run started while this one waited.

	return new Promise<RunEnd>((resolve) => {
		const started = performance.now();
		lastSign = started;
		const seconds = () => Math.max(1, Math.round((performance.now() - started) / 1000));
		const watchdog = setInterval(() => {
			const now = performance.now();
			if (now - lastSign > STUCK_AFTER_MS) run.finish({ kind: 'stuck', seconds: seconds() });
			else if (now - started > MAX_RUN_MS) run.finish({ kind: 'too-long', seconds: seconds() });
		}, WATCHDOG_INTERVAL_MS);
		const run: ActiveRun = {
			runId,
			handlers,
			finish(end) {
				if (active !== run) return;
				active = undefined;
				clearInterval(watchdog);
				// Whatever happened, nothing of this run may go on in the background.
				post(iframe, { type: 'stop', runId });
				resolve(end);
			},
		};
		active = run;
		post(iframe, { type: 'run', runId, code, workerSource: source });
	});
}
