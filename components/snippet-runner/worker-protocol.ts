/** Messages between the page and the worker that runs a snippet. */

/** Page → worker: the JavaScript to run (TypeScript with its types removed). */
export interface RunRequest {
	code: string;
}

/** Worker → page. */
export type WorkerMessage =
	| { type: 'output'; lines: string[] }
	| { type: 'done' }
	| { type: 'error'; name: string; message: string };
