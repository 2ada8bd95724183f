/**
 * Runs Python snippets in Pyodide, the Python readers run, outside any browser
 * (Node only). The test suite checks every Python transcript with it, and
 * records runs with the page's recorder to check documented diagrams.
 *
 * Starting Pyodide takes seconds, so a runner keeps one Pyodide for all the
 * snippets of a test file, in a worker thread (`pyodide-worker.ts`), and runs
 * them one at a time. A snippet that never ends would hold that thread forever:
 * after a time limit the runner ends the thread, reports the run as timed out,
 * and starts a fresh Pyodide for the next snippet.
 */
import { Worker } from 'node:worker_threads';
import type { PyodideThreadMessage, PyodideThreadRequest } from './pyodide-worker.ts';
import type { ProgramResult } from './run-in-node.ts';
import type { TraceEvent } from '../shared/trace-event.ts';

/**
 * A safety net, never a verdict about speed: a snippet runs in milliseconds,
 * so only a run that never ends comes near this, however slow the machine.
 * It counts from when Pyodide is ready, not while it starts.
 */
export const PYODIDE_TIME_LIMIT_MS = 60_000;

/** A test timeout for a Pyodide run: long enough for the runner's own limit to answer first. */
export const PYODIDE_TEST_TIMEOUT_MS = PYODIDE_TIME_LIMIT_MS + 30_000;

export interface RunOptions {
	/** For tests of the safety net itself. */
	timeLimitMs?: number;
}

export interface TracedRun extends ProgramResult {
	/** What the page's recorder saw, in order; none when the run timed out. */
	events: TraceEvent[];
}

const WORKER = new URL('./pyodide-worker.ts', import.meta.url);

/** A worker thread with Pyodide loaded: its first message says it is ready. */
function startPyodide(): Promise<Worker> {
	const worker = new Worker(WORKER);
	// A runner that was never closed must not keep the test process alive.
	worker.unref();
	return new Promise((resolve, reject) => {
		worker.once('message', () => resolve(worker));
		worker.once('error', (error: Error) =>
			reject(new Error(`Pyodide could not start: ${error.message}`))
		);
		worker.once('exit', (code) => reject(new Error(`Pyodide could not start (exit code ${code})`)));
	});
}

function asText(lines: string[]): string {
	return lines.map((line) => `${line}\n`).join('');
}

export class PyodideRunner {
	#worker: Promise<Worker> | undefined;
	/** Runs wait for the one before them: Pyodide runs one snippet at a time. */
	#queue: Promise<unknown> = Promise.resolve();

	constructor() {
		// Start loading now, so that Pyodide is ready by the first snippet; a failure shows in that run.
		this.#startedWorker().catch(() => undefined);
	}

	run(code: string, options: RunOptions = {}): Promise<ProgramResult> {
		return this.#enqueue({ code }, options);
	}

	/** Runs `code` under the page's recorder; `functions` records plain functions' calls too. */
	trace(code: string, options: RunOptions & { functions: boolean }): Promise<TracedRun> {
		return this.#enqueue({ code, trace: { functions: options.functions } }, options);
	}

	async close(): Promise<void> {
		const worker = this.#worker;
		this.#worker = undefined;
		await (await worker?.catch(() => undefined))?.terminate();
	}

	#enqueue(request: PyodideThreadRequest, options: RunOptions): Promise<TracedRun> {
		const result = this.#queue.then(() => this.#runNow(request, options));
		this.#queue = result.catch(() => undefined);
		return result;
	}

	#startedWorker(): Promise<Worker> {
		this.#worker ??= startPyodide();
		return this.#worker;
	}

	/** Ends this worker, so that the next run starts a fresh Pyodide. */
	#discard(worker: Worker) {
		void worker.terminate();
		this.#worker = undefined;
	}

	async #runNow(request: PyodideThreadRequest, options: RunOptions): Promise<TracedRun> {
		let worker: Worker;
		try {
			worker = await this.#startedWorker();
		} catch (error) {
			// Let the next run try again.
			this.#worker = undefined;
			throw error;
		}
		const stdout: string[] = [];
		const stderr: string[] = [];
		const result = (exitCode: number | null, timedOut: boolean, events: string[]): TracedRun => ({
			stdout: asText(stdout),
			stderr: asText(stderr),
			exitCode,
			timedOut,
			events: events.map((event) => JSON.parse(event) as TraceEvent),
		});
		return new Promise((resolve, reject) => {
			const onMessage = (message: PyodideThreadMessage) => {
				if (message.type === 'output')
					(message.stream === 'stdout' ? stdout : stderr).push(message.line);
				if (message.type !== 'done') return;
				settle();
				resolve(result(message.failed ? 1 : 0, false, message.events));
			};
			// Not the snippet's failure, which Python reports as a traceback: the thread itself broke.
			const broke = (reason: string) => {
				settle();
				this.#discard(worker);
				reject(new Error(`Pyodide's worker thread ${reason}`));
			};
			const onError = (error: Error) => broke(`failed: ${error.message}`);
			const onExit = (code: number) => broke(`stopped (exit code ${code})`);
			const timer = setTimeout(() => {
				settle();
				this.#discard(worker);
				resolve(result(null, true, []));
			}, options.timeLimitMs ?? PYODIDE_TIME_LIMIT_MS);
			const settle = () => {
				clearTimeout(timer);
				worker.off('message', onMessage).off('error', onError).off('exit', onExit);
			};
			worker.on('message', onMessage).on('error', onError).on('exit', onExit);
			worker.postMessage(request);
		});
	}
}
