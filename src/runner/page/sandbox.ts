/**
 * The page's side of the sandbox: one hidden frame, kept from chapter to chapter
 * as the reader moves on, one run at a time,
 * and the watchdog that stops a run whose worker has gone silent.
 *
 * `prepareSandbox` starts what a language's runs need (the frame, a spare
 * TypeScript worker, Python with its files) as soon as the reader shows they
 * will run it, so that the Run itself finds it ready; a run prepares whatever
 * is not yet.
 *
 * A run that ends while its frame is silent takes the frame with it. Either the
 * program is busy, and Chromium lets a terminated worker run on for 2 s before
 * it forces it to stop (Blink's `kForcibleTerminationDelay`), while removing the
 * frame ends its process at once; or the frame's process has died (a program
 * that runs out of memory takes it down while the page lives on), and a dead
 * frame would never answer another run.
 */
import type { Language } from '../../shared/languages.ts';
import pythonWorkerUrl from '../workers/python-worker.ts?worker&url';
import { loadPyodideFiles } from './load-pyodide-files.ts';
import { RunClock, type RunLimits } from './run-clock.ts';
import frameScriptUrl from '../frame/frame-main.ts?worker&url';
import { getSandboxDocument } from './sandbox-document.ts';
import { SANDBOX_HOST_ID } from './sandbox-host.ts';
import { DEV_SANDBOX_PATH, type SandboxScript } from '../../shared/sandbox-scripts.ts';
import type { TraceEvent } from '../../shared/trace-event.ts';
import typescriptWorkerUrl from '../workers/typescript-worker.ts?worker&url';
import {
	MAX_CODE_FRAMES,
	MAX_FRAME_NAME_CHARS,
	MAX_OUTPUT_BYTES,
	MAX_OUTPUT_LINES,
	MAX_TRACE_EVENTS,
	type CodeFrame,
	type FrameMessage,
	type FrameRequest,
	type OutputStream,
	type WorkerMessage,
} from '../protocol.ts';

const WATCHDOG_INTERVAL_MS = 200;
/**
 * Silence this long at the end of a run, one and a half heartbeats: the frame is
 * busy in the program, or dead. Judged on the wall clock, since a wrong guess
 * only costs a new frame: a busy machine that delays a heartbeat makes the page
 * replace a healthy frame, never give a wrong verdict.
 */
const SILENT_FRAME_MS = 300;
const LIMITS: RunLimits = {
	// A worker that sends no heartbeat for this long is busy in a loop it will not leave.
	stuckAfterMs: 1000,
	// A run that keeps its worker answering (timers, promises) may still not go on for ever.
	maxRunMs: 10_000,
	// Starting Python (compiling Pyodide, unpacking its library) blocks its worker for a while.
	startLimitMs: 60_000,
	maxTickMs: 2 * WATCHDOG_INTERVAL_MS,
};
/**
 * A safety net for a frame whose scripts never run at all (a browser or an
 * extension that blocks them), which would otherwise leave the first Run waiting
 * for ever. A frame whose script fails says so at once (see `startFrame`).
 */
const FRAME_START_LIMIT_MS = 60_000;

export type RunEnd =
	| { kind: 'done' }
	| { kind: 'error'; name: string; message: string; line?: number; frames?: CodeFrame[] }
	| { kind: 'stuck'; seconds: number }
	| { kind: 'too-long'; seconds: number }
	| { kind: 'stopped' }
	| { kind: 'unavailable'; reason: string };

/** How far Python has got before the run can begin. */
export type StartProgress =
	| { stage: 'downloading'; received: number; total: number }
	| { stage: 'starting' }
	| { stage: 'started' };

export interface RunHandlers {
	onOutput(line: string, stream: OutputStream): void;
	onTruncated(): void;
	/** While Python downloads and starts. */
	onProgress?(progress: StartProgress): void;
	/** Given only for a traced run: receives the run's generator events as they come. */
	onTrace?(event: TraceEvent): void;
	onTraceTruncated?(): void;
}

interface ActiveRun {
	runId: number;
	handlers: RunHandlers;
	/** What the watchdog judges silence and time limits by; it also knows whether Python is starting. */
	clock: RunClock;
	started: number;
	/** When the worker was last heard from (`performance.now()`). */
	lastHeard: number;
	finish: (end: RunEnd) => void;
	/** The program left work behind that would outlive the run: its worker is not kept. */
	lingering: boolean;
	/** What this run has shown so far: the caps hold here, whatever the worker sent. */
	shown: { lines: number; bytes: number; truncated: boolean; events: number };
}

/** In `astro dev`, the same scripts, bundled by the dev server. */
const devScript = (name: SandboxScript) =>
	`${import.meta.env.BASE_URL}${DEV_SANDBOX_PATH}${name}.js`;
const FRAME_SCRIPT_URL = import.meta.env.DEV ? devScript('frame-main') : frameScriptUrl;
const WORKER_URLS: Record<Language, string> = import.meta.env.DEV
	? { typescript: devScript('typescript-worker'), python: devScript('python-worker') }
	: { typescript: typescriptWorkerUrl, python: pythonWorkerUrl };
const scriptSources = new Map<string, Promise<string>>();
let frame: Promise<HTMLIFrameElement> | undefined;
/** The current frame's element, once it is in the page. */
let frameElement: HTMLIFrameElement | undefined;
/** Takes the current frame out of the page, with its workers and its listener. */
let removeFrame = () => {};
/** What the current frame has been asked to prepare, each language once (Python again after its worker ended). */
let prepared: Partial<Record<Language, Promise<HTMLIFrameElement>>> = {};
/** Python in the current frame has said it is up. */
let pythonReady = false;
/** Who wants to hear how Python's download goes: the runs waiting for it. */
const downloadListeners = new Set<(progress: StartProgress) => void>();
let lastDownload: StartProgress | undefined;
/** Pyodide's files are in the page: a Python that starts again (in a new frame) downloads nothing. */
let pyodideFilesHeld = false;
let active: ActiveRun | undefined;
let nextRunId = 1;

function post(target: HTMLIFrameElement, request: FrameRequest) {
	// The frame's origin is opaque, so it cannot be named as a target.
	target.contentWindow?.postMessage(request, '*');
}

/** Fetches a script the sandbox needs (the frame's, a worker's) once per visit, as text. */
function loadScript(url: string): Promise<string> {
	let source = scriptSources.get(url);
	if (!source) {
		source = fetch(url).then((response) => {
			if (!response.ok) throw new Error(`the runner could not be loaded (${response.status})`);
			return response.text();
		});
		source.catch(() => scriptSources.delete(url));
		scriptSources.set(url, source);
	}
	return source;
}

/**
 * Adds the sandbox frame to the page. Its document posts `ready` from the frame's
 * script, then `loaded` from a last script of its own: `loaded` without `ready`
 * before it means the frame's script failed, and the frame is taken out again.
 */
async function startFrame(): Promise<HTMLIFrameElement> {
	const script = await loadScript(FRAME_SCRIPT_URL);
	return new Promise((resolve, reject) => {
		const iframe = document.createElement('iframe');
		iframe.setAttribute('sandbox', 'allow-scripts');
		iframe.title = 'Snippet sandbox';
		iframe.hidden = true;
		iframe.srcdoc = getSandboxDocument(script);
		let ready = false;
		const remove = () => {
			clearTimeout(limit);
			window.removeEventListener('message', listen);
			iframe.remove();
			if (frameElement === iframe) frameElement = undefined;
			// Whatever waits for a frame taken out before it was ready hears so, and does not wait on.
			if (!ready) reject(new Error('the sandbox was replaced'));
		};
		removeFrame = remove;
		const fail = () => {
			reject(new Error('the sandbox did not start'));
			remove();
		};
		const limit = setTimeout(fail, FRAME_START_LIMIT_MS);
		const listen = (event: MessageEvent<FrameMessage>) => {
			if (event.source !== iframe.contentWindow) return;
			// Python says it is up, in a run or before any (started ahead of the reader's click).
			if (
				event.data.type === 'worker' &&
				isWorkerMessage(event.data.message) &&
				event.data.message.type === 'ready'
			)
				pythonReady = true;
			if (event.data.type === 'ready') {
				ready = true;
				clearTimeout(limit);
				resolve(iframe);
			} else if (event.data.type === 'loaded') {
				if (!ready) fail();
			} else if (active && event.data.runId === active.runId) {
				receive(active, event.data);
			}
		};
		window.addEventListener('message', listen);
		// The host is kept when the reader moves to another chapter, and the frame in it, with its workers.
		(document.getElementById(SANDBOX_HOST_ID) ?? document.body).append(iframe);
		frameElement = iframe;
	});
}

/** The frames of an error: a short list of lines, each with a short function name if any. */
function isCodeFrameList(frames: unknown): frames is CodeFrame[] {
	return (
		Array.isArray(frames) &&
		frames.length <= MAX_CODE_FRAMES &&
		frames.every(
			(frame: Record<string, unknown> | null) =>
				typeof frame === 'object' &&
				frame !== null &&
				Number.isInteger(frame.line) &&
				(frame.name === undefined ||
					(typeof frame.name === 'string' && frame.name.length <= MAX_FRAME_NAME_CHARS))
		)
	);
}

/** A worker message of a known shape; anything else is dropped unread. */
function isWorkerMessage(data: unknown): data is WorkerMessage {
	if (typeof data !== 'object' || data === null) return false;
	const message = data as Record<string, unknown>;
	switch (message.type) {
		case 'alive':
		case 'ready':
		case 'truncated':
		case 'trace-truncated':
			return true;
		case 'done':
			return message.lingering === undefined || typeof message.lingering === 'boolean';
		case 'output':
			return (
				typeof message.line === 'string' &&
				(message.stream === 'stdout' || message.stream === 'stderr')
			);
		case 'trace':
			return typeof message.event === 'object' && message.event !== null;
		case 'error':
			return (
				typeof message.name === 'string' &&
				typeof message.message === 'string' &&
				(message.line === undefined || typeof message.line === 'number') &&
				(message.frames === undefined || isCodeFrameList(message.frames)) &&
				(message.lingering === undefined || typeof message.lingering === 'boolean')
			);
		default:
			return false;
	}
}

/** Shows a line unless the run's output has reached its cap, which is then said once. */
function showOutput(run: ActiveRun, line: string, stream: OutputStream) {
	const { shown } = run;
	if (shown.truncated) return;
	shown.lines += 1;
	shown.bytes += line.length + 1;
	if (shown.lines > MAX_OUTPUT_LINES || shown.bytes > MAX_OUTPUT_BYTES) {
		shown.truncated = true;
		run.handlers.onTruncated();
	} else run.handlers.onOutput(line, stream);
}

function showTraceEvent(run: ActiveRun, event: TraceEvent) {
	run.shown.events += 1;
	if (run.shown.events <= MAX_TRACE_EVENTS) run.handlers.onTrace?.(event);
	else if (run.shown.events === MAX_TRACE_EVENTS + 1) run.handlers.onTraceTruncated?.();
}

function receive(run: ActiveRun, message: FrameMessage) {
	if (message.type === 'unavailable')
		return run.finish({ kind: 'unavailable', reason: message.reason });
	if (message.type !== 'worker' || !isWorkerMessage(message.message)) return;
	const data = message.message;
	run.clock.heard();
	run.lastHeard = performance.now();
	if (data.type === 'ready') {
		run.started = performance.now();
		if (run.clock.starting) run.handlers.onProgress?.({ stage: 'started' });
		run.clock.started();
	} else if (data.type === 'output') showOutput(run, data.line, data.stream);
	else if (data.type === 'truncated') {
		if (!run.shown.truncated) run.handlers.onTruncated();
		run.shown.truncated = true;
	} else if (data.type === 'trace') showTraceEvent(run, data.event);
	else if (data.type === 'trace-truncated') {
		if (run.shown.events <= MAX_TRACE_EVENTS) run.handlers.onTraceTruncated?.();
		run.shown.events = MAX_TRACE_EVENTS + 1;
	} else if (data.type === 'done') {
		run.lingering = data.lingering === true;
		run.finish({ kind: 'done' });
	} else if (data.type === 'error') {
		run.lingering = data.lingering === true;
		run.finish({
			kind: 'error',
			name: data.name,
			message: data.message,
			line: data.line,
			frames: data.frames,
		});
	}
}

/** Takes the frame out of the page, and its workers with it; the next run starts a new one. */
function discardFrame() {
	removeFrame();
	frame = undefined;
	prepared = {};
	pythonReady = false;
}

// Moving to another chapter moves the frame's host into the new page. Browsers with
// `moveBefore` move the frame alive; the others reload it, which ends its workers and
// what it had been asked to do, so such a frame, or one the new page has no place
// for, is replaced.
document.addEventListener('astro:after-swap', () => {
	if (frameElement && (!frameElement.isConnected || !('moveBefore' in document.documentElement)))
		discardFrame();
});

function getFrame(): Promise<HTMLIFrameElement> {
	if (!frame) {
		const starting = startFrame();
		frame = starting;
		// A frame that failed to start is thrown away, so that the next run tries again.
		starting.catch(() => {
			if (frame === starting) discardFrame();
		});
	}
	return frame;
}

function reportDownload(received: number, total: number) {
	lastDownload = { stage: 'downloading', received, total };
	for (const listener of downloadListeners) listener(lastDownload);
}

/**
 * Starts what runs of `language` need, once per frame: the frame itself, then
 * for TypeScript a spare worker, for Python Pyodide's files (downloaded once
 * per visit) and a Python worker that starts with them. Resolves with the frame
 * once it has been asked; Python says it is up later, with `ready`.
 */
export function prepareSandbox(language: Language): Promise<HTMLIFrameElement> {
	const existing = prepared[language];
	if (existing) return existing;
	const preparing = (async () => {
		const [iframe, workerSource, files] = await Promise.all([
			getFrame(),
			loadScript(WORKER_URLS[language]),
			language === 'python'
				? loadPyodideFiles(reportDownload).then((files) => {
						pyodideFilesHeld = true;
						return files;
					})
				: undefined,
		]);
		if (language === 'typescript') post(iframe, { type: 'prepare', language, workerSource });
		else post(iframe, { type: 'prepare', language, workerSource, files: files! });
		return iframe;
	})();
	prepared[language] = preparing;
	// A worker script or Pyodide that did not load is tried again by the next run.
	preparing.catch(() => {
		if (prepared[language] === preparing) delete prepared[language];
	});
	return preparing;
}

/**
 * Runs a snippet in the sandbox. A new run stops the one before it; aborting
 * `signal` stops this one, whether it is running or still getting ready.
 */
export async function runInSandbox(
	language: Language,
	code: string,
	handlers: RunHandlers,
	signal: AbortSignal
): Promise<RunEnd> {
	if (signal.aborted) return { kind: 'stopped' };
	active?.finish({ kind: 'stopped' });
	const runId = nextRunId++;
	// Stop works while the run is still getting ready, which can take a while for Pyodide's files;
	// what was loading goes on loading for the next run.
	const stopped = new Promise<'stopped'>((resolve) =>
		signal.addEventListener('abort', () => resolve('stopped'), { once: true })
	);
	const showDownload = handlers.onProgress?.bind(handlers);
	if (language === 'python' && showDownload && !pythonReady) {
		downloadListeners.add(showDownload);
		// Shown at once, before the first bytes arrive: the reader sees what the wait is for.
		showDownload(
			pyodideFilesHeld
				? { stage: 'starting' }
				: (lastDownload ?? { stage: 'downloading', received: 0, total: __PYODIDE_BYTES__ })
		);
	}
	let iframe: HTMLIFrameElement;
	try {
		const ready = await Promise.race([stopped, prepareSandbox(language)]);
		if (ready === 'stopped') return { kind: 'stopped' };
		iframe = ready;
	} catch (error) {
		return { kind: 'unavailable', reason: (error as Error).message };
	} finally {
		if (showDownload) downloadListeners.delete(showDownload);
	}
	// A newer request aborts this one, so no other run can have started, or taken the frame away, meanwhile.
	if (signal.aborted || active || !iframe.isConnected) return { kind: 'stopped' };
	const starting = language === 'python' && !pythonReady;
	if (starting) handlers.onProgress?.({ stage: 'starting' });

	return new Promise<RunEnd>((resolve) => {
		const seconds = () => Math.max(1, Math.round((performance.now() - run.started) / 1000));
		const watchdog = setInterval(() => {
			const verdict = run.clock.tick(performance.now());
			if (verdict === 'start-too-long')
				run.finish({ kind: 'unavailable', reason: 'Python did not start in time' });
			else if (verdict === 'stuck') run.finish({ kind: 'stuck', seconds: seconds() });
			else if (verdict === 'too-long') run.finish({ kind: 'too-long', seconds: seconds() });
		}, WATCHDOG_INTERVAL_MS);
		const run: ActiveRun = {
			runId,
			handlers,
			clock: new RunClock(LIMITS, performance.now(), starting),
			started: performance.now(),
			lastHeard: performance.now(),
			lingering: false,
			shown: { lines: 0, bytes: 0, truncated: false, events: 0 },
			finish(end) {
				if (active !== run) return;
				active = undefined;
				clearInterval(watchdog);
				signal.removeEventListener('abort', abort);
				// A finished Python stays warm for the next run; anything else is ended, so that
				// nothing of this run (a timer, a loop) goes on in the background.
				const keepWarm =
					language === 'python' &&
					!run.clock.starting &&
					!run.lingering &&
					(end.kind === 'done' || end.kind === 'error');
				const silent = performance.now() - run.lastHeard > SILENT_FRAME_MS;
				if (end.kind === 'stuck' || silent) discardFrame();
				else if (!keepWarm) {
					post(iframe, { type: 'stop', runId });
					if (language === 'python') {
						delete prepared.python;
						pythonReady = false;
					}
				}
				resolve(end);
			},
		};
		const abort = () => run.finish({ kind: 'stopped' });
		signal.addEventListener('abort', abort, { once: true });
		active = run;
		post(iframe, { type: 'run', runId, language, code, trace: handlers.onTrace !== undefined });
	});
}
