/**
 * Messages between the page, the sandbox frame and the workers that run
 * snippets. The frame only relays them, adding the run they belong to.
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
	| { type: 'done' }
	/** `line` is in the reader's code, when the error names it. */
	| { type: 'error'; name: string; message: string; line?: number };

/** Page → frame. `files` comes with a Python run when the frame has no Python running yet. */
export type FrameRequest =
	| {
			type: 'run';
			runId: number;
			language: Language;
			code: string;
			trace: boolean;
			workerSource: string;
			files?: Record<string, ArrayBuffer>;
	  }
	| { type: 'stop'; runId: number };

/** Frame → page. */
export type FrameMessage =
	/** The frame's script has started. */
	| { type: 'ready' }
	/** The frame's document has run all its scripts; without `ready` first, the frame failed. */
	| { type: 'loaded' }
	| { type: 'worker'; runId: number; message: WorkerMessage }
	| { type: 'unavailable'; runId: number; reason: string };
