/**
 * Messages between the page, the sandbox frame and the workers that run
 * snippets. The frame only relays them, adding the run they belong to.
 *
 * Frame and worker talk over a private `MessageChannel`: the frame's first
 * message to a new worker hands it one port, before any snippet code runs, and
 * from then on both sides use only that port. The worker keeps its port where
 * the reader's code cannot reach it and takes `postMessage` away from the
 * worker's global scope, so a program cannot post messages that look like the
 * runner's (a fake "done", output past the caps, heartbeats that blind the
 * watchdog). The page still checks every message and enforces the caps itself.
 */

import type { Language } from '../shared/languages.ts';
import type { TraceEvent } from '../shared/trace-event.ts';

/**
 * Page → frame → TypeScript worker: the JavaScript to run (TypeScript with its
 * types removed). With `trace`, the worker records the run's generator events.
 */
export interface RunRequest {
	code: string;
	trace: boolean;
}

/** Page → frame → Python worker: first Pyodide's files, then snippets to run. */
export type PythonWorkerRequest =
	| { type: 'load'; files: Record<string, ArrayBuffer> }
	| { type: 'run'; code: string; trace: boolean };

/**
 * The name under which the TypeScript worker hands a program the function that
 * notes where a value that is not an Error was thrown (see `mark-throw-sites.ts`).
 */
export const THROW_SITE_PARAMETER = '__throwSite';

/** Frame → new worker, first and only message outside the channel: the worker's port. */
export interface ConnectRequest {
	type: 'connect';
}

/** The most output a run may show: enough for any documented snippet many times over. */
export const MAX_OUTPUT_LINES = 2000;
export const MAX_OUTPUT_BYTES = 200_000;
/** The most generator events a traced run records: more steps than a reader would step through. */
export const MAX_TRACE_EVENTS = 500;

/** Where a program printed a line: only standard output counts toward the transcript. */
export type OutputStream = 'stdout' | 'stderr';

/** Worker → frame → page. */
export type WorkerMessage =
	/** Sent on a timer the snippet cannot block without blocking it too: silence means the snippet is stuck. */
	| { type: 'alive' }
	/** Python has finished loading and is about to run the snippet. */
	| { type: 'ready' }
	/** One line the program printed, without its newline. */
	| { type: 'output'; stream: OutputStream; line: string }
	/** The output limit was reached; nothing more will be sent. */
	| { type: 'truncated' }
	/** One generator event of a traced run, sent as it happens. */
	| { type: 'trace'; event: TraceEvent }
	/** The trace limit was reached; later events are not recorded. */
	| { type: 'trace-truncated' }
	/**
	 * `lingering`: the program left work behind (a timer, an asyncio task) that would
	 * go on running after the verdict, so the worker must not be kept for another run.
	 */
	| { type: 'done'; lingering?: boolean }
	/**
	 * `line` is in the reader's code, when the error names it; `frames` are the
	 * calls in the reader's code that led to it, outermost first.
	 */
	| {
			type: 'error';
			name: string;
			message: string;
			line?: number;
			frames?: CodeFrame[];
			lingering?: boolean;
	  };

/** A call in the reader's code on the way to an error: its line, and the function it ran in. */
export interface CodeFrame {
	line: number;
	/** The function; absent for the program's top level. */
	name?: string;
}

/** A traceback shows at most this many of the reader's frames, the innermost ones. */
export const MAX_CODE_FRAMES = 8;
export const MAX_FRAME_NAME_CHARS = 80;

/**
 * Page → frame. `prepare` comes before a language's first run, as soon as the
 * reader shows they will run it: the frame keeps a spare TypeScript worker ready
 * (a new one after each run, since a worker serves one run), and starts Python
 * with the files the page fetched for it.
 */
export type FrameRequest =
	| { type: 'prepare'; language: 'typescript'; workerSource: string }
	| {
			type: 'prepare';
			language: 'python';
			workerSource: string;
			files: Record<string, ArrayBuffer>;
	  }
	| { type: 'run'; runId: number; language: Language; code: string; trace: boolean }
	| { type: 'stop'; runId: number };

/** Frame → page. */
export type FrameMessage =
	/** The frame's script has started. */
	| { type: 'ready' }
	/** The frame's document has run all its scripts; without `ready` first, the frame failed. */
	| { type: 'loaded' }
	/** `runId` is 0 for a worker that serves no run yet: a spare, or Python starting. */
	| { type: 'worker'; runId: number; message: WorkerMessage }
	| { type: 'unavailable'; runId: number; reason: string };
