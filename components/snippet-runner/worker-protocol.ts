/**
 * Messages between the page, the sandbox frame and the worker that runs a
 * snippet. The frame only relays them, adding the run they belong to.
 */

/** Page → frame → worker: the JavaScript to run (TypeScript with its types removed). */
export interface RunRequest {
	code: string;
}

/** Worker → frame → page. */
export type WorkerMessage =
	/** Sent on a timer the snippet cannot block without blocking it too: silence means the snippet is stuck. */
	| { type: 'alive' }
	| { type: 'output'; lines: string[] }
	/** The output limit was reached; nothing more will be sent. */
	| { type: 'truncated' }
	| { type: 'done' }
	/** `line` is in the reader's code, when the error's stack names it. */
	| { type: 'error'; name: string; message: string; line?: number };

/** Page → frame. */
export type FrameRequest = { type: 'run'; runId: number; code: string; workerSource: string } | { type: 'stop'; runId: number };

/** Frame → page. */
export type FrameMessage =
	| { type: 'ready' }
	| { type: 'worker'; runId: number; message: WorkerMessage }
	| { type: 'unavailable'; runId: number; reason: string };
