/**
 * The worker thread behind `run-in-pyodide.ts`: one Pyodide, which runs one
 * snippet at a time the way the page's worker does
 * (`runner/workers/python-worker.ts`). It is a thread of its own so that the
 * test process can end it when a snippet never returns.
 *
 * Node loads this file as it is (type stripping), so it and what it imports
 * use only erasable TypeScript.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import { loadRecorder, runPythonSnippet, type Pyodide } from '../shared/pyodide-api.ts';

export interface PyodideThreadRequest {
	code: string;
	/** Record the run with the page's recorder; `functions` records plain functions too. */
	trace?: { functions: boolean };
}

export type PyodideThreadMessage =
	| { type: 'ready' }
	/** One line, without its newline, as Pyodide hands it over. */
	| { type: 'output'; stream: 'stdout' | 'stderr'; line: string }
	/** `events` are the recorder's JSON, one string per `TraceEvent`. */
	| { type: 'done'; failed: boolean; events: string[] };

const RECORDER = new URL('../recorders/trace_generators.py', import.meta.url);

const port = parentPort!;
const send = (message: PyodideThreadMessage) => port.postMessage(message);

// Pyodide types `globals` as a bare proxy; it is the main module's dict, which has `get`.
const python = (await loadPyodide()) as unknown as Pyodide;
python.setStdout({ batched: (line) => send({ type: 'output', stream: 'stdout', line }) });
python.setStderr({ batched: (line) => send({ type: 'output', stream: 'stderr', line }) });
const recorder = loadRecorder(python, await readFile(RECORDER, 'utf8'));

/** Pyodide's own frames open every traceback; CPython's, for the same program, starts in <snippet>. */
function withoutPyodideFrames(traceback: string): string {
	return traceback.replace(/^ {2}File "[^"]*\/_pyodide\/[^"]*".*\n(?: {4}.*\n)*/gm, '');
}

function run({ code, trace }: PyodideThreadRequest): PyodideThreadMessage {
	const events: string[] = [];
	const sink = (event: string) => void events.push(event);
	const end = runPythonSnippet(
		python,
		code,
		trace ? { recorder, sink, functions: trace.functions } : undefined
	);
	// Pyodide raises an uncaught Python exception as a JavaScript error whose message is the traceback.
	const traceback = end.failed ? withoutPyodideFrames(end.traceback) : '';
	for (const line of traceback ? traceback.trimEnd().split('\n') : [])
		send({ type: 'output', stream: 'stderr', line });
	return { type: 'done', failed: end.failed, events };
}

port.on('message', (request: PyodideThreadRequest) => send(run(request)));
send({ type: 'ready' });
