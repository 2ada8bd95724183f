/// <reference lib="webworker" />
/**
 * Runs Python snippets with Pyodide, inside the sandbox frame. Unlike the
 * TypeScript worker it is kept between runs, because starting Python takes
 * seconds; a run that is stopped or stuck ends it, and the next run starts a
 * fresh one.
 *
 * The frame has an opaque origin and may not connect anywhere, so Pyodide
 * cannot download its own files: the page fetches them once and hands the
 * bytes over, and Pyodide's requests for them are answered from memory.
 */
import recorderSource from '../../recorders/trace_generators.py?raw';
import {
	loadRecorder,
	runPythonSnippet,
	type Pyodide,
	type Recorder,
} from '../../shared/pyodide-api.ts';
import {
	connectToFrame,
	countPendingTimers,
	printLine,
	recordTraceEvent,
	reportDone,
	reportError,
	resetOutput,
	send,
	startHeartbeat,
} from './worker-output.ts';
import { readPythonTraceback } from '../../shared/python-traceback.ts';
import type { TraceEvent } from '../../shared/trace-event.ts';
import type { PythonWorkerRequest } from '../protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

declare function loadPyodide(options: Record<string, unknown>): Promise<Pyodide>;

/** Pyodide asks for its files by URL; this address only names them. */
const INDEX_URL = 'https://pyodide.invalid/';

let pyodide: Pyodide | undefined;
let recorder: Recorder | undefined;

/**
 * Work a run leaves behind would go on printing and using the CPU after its
 * verdict, so such a run's worker is not kept for the next run. Asyncio tasks
 * are found by `runPythonSnippet`; timers set through `js` are counted here.
 */
const pendingTimers = new Set<number>();

function serveFromMemory(files: Record<string, ArrayBuffer>) {
	const networkFetch = self.fetch.bind(self);
	self.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = input instanceof Request ? input.url : String(input);
		const body = files[url.split('/').pop() ?? ''];
		if (!url.startsWith(INDEX_URL) || !body) return networkFetch(input, init);
		const type = url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
		return new Response(body, { headers: { 'Content-Type': type } });
	};
}

async function load(files: Record<string, ArrayBuffer>) {
	const script = (name: string) =>
		URL.createObjectURL(new Blob([files[name]!], { type: 'text/javascript' }));
	serveFromMemory(files);
	importScripts(script('pyodide.js'));
	const engine = (await import(/* @vite-ignore */ script('pyodide.asm.mjs'))) as {
		default: unknown;
	};
	pyodide = await loadPyodide({
		indexURL: INDEX_URL,
		createPyodideModule: engine.default,
		lockFileContents: JSON.parse(new TextDecoder().decode(files['pyodide-lock.json'])),
	});
	pyodide.setStdout({ batched: (line) => printLine(line) });
	// Shown to the reader, marked as stderr; never compared with the transcript.
	pyodide.setStderr({ batched: (line) => printLine(line, 'stderr') });
	recorder = loadRecorder(pyodide, recorderSource);
	send({ type: 'ready' });
}

function run(code: string, trace: boolean) {
	if (!pyodide) return;
	resetOutput();
	pendingTimers.clear();
	const sink = (event: string) => recordTraceEvent(JSON.parse(event) as TraceEvent);
	try {
		// Plain functions too: a run that makes no generator draws its calls (see `focusTrace`).
		const recording = trace && recorder ? { recorder, sink, functions: true } : undefined;
		const end = runPythonSnippet(pyodide, code, recording);
		const lingering = end.lingering || pendingTimers.size > 0;
		if (!end.failed) return reportDone(lingering);
		const { name, message, line, frames } = readPythonTraceback(end.traceback);
		reportError(name, message, line, lingering, frames);
	} catch (error) {
		// Not the snippet's exception, which Python reports above: Pyodide itself failed.
		reportError('PyodideError', (error as Error).message, undefined, true);
	}
}

let loading: Promise<boolean> = Promise.resolve(false);

startHeartbeat();
countPendingTimers(pendingTimers);
async function handle(request: PythonWorkerRequest) {
	if (request.type === 'load') {
		loading = load(request.files).then(
			() => true,
			(error: unknown) => {
				reportError('PyodideError', `Python could not start: ${(error as Error).message}`);
				return false;
			}
		);
	} else if (await loading) {
		// A run that comes while Python is starting waits here until it is up.
		run(request.code, request.trace);
	} else reportError('PyodideError', 'Python could not start');
}

connectToFrame<PythonWorkerRequest>((request) => void handle(request));
