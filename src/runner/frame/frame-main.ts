/**
 * The script of the sandbox frame that snippets run in. Vite builds it as a
 * bundle of its own; the page inlines that bundle into the frame's document
 * (`sandbox-document.ts`), since the frame may load nothing from the network.
 *
 * The frame is `sandbox="allow-scripts"` without `allow-same-origin`, so it has
 * an opaque origin: code in it cannot read the site's cookies or storage, or
 * reach the page's DOM. Inside it, snippets run in classic Workers made from
 * blobs (module workers cannot start in an opaque origin). The frame only relays
 * messages: the page keeps the watchdog, so a frame that misbehaves cannot keep a
 * run alive.
 */
import { LANGUAGES, type Language } from '../../shared/languages.ts';
import type {
	ConnectRequest,
	FrameMessage,
	FrameRequest,
	PythonWorkerRequest,
	RunRequest,
	WorkerMessage,
} from '../protocol.ts';

/** A worker, the frame's end of its private channel, and the run it serves now (0: none yet). */
interface RunningWorker {
	worker: Worker;
	port: MessagePort;
	runId: number;
	/** Why the worker could not start, if it failed before it served a run. */
	failure?: string;
}

// A TypeScript worker serves one run; the Python worker is kept warm between runs.
const workers: Partial<Record<Language, RunningWorker>> = {};
/** A TypeScript worker started ahead of the next run, so that the run does not wait for one. */
let spare: RunningWorker | undefined;
let typescriptSource: string | undefined;

function post(message: FrameMessage) {
	// The page's origin is not the frame's, and the frame cannot name it.
	parent.postMessage(message, '*');
}

function end(language: Language) {
	workers[language]?.worker.terminate();
	workers[language]?.port.close();
	delete workers[language];
}

/**
 * Starts a worker and hands it its end of a private channel. Only that channel is
 * listened to: whatever the snippet might post to the worker's own `postMessage`
 * (which the worker takes away before any snippet runs) never reaches the page.
 */
function start(source: string): RunningWorker {
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	const worker = new Worker(url);
	URL.revokeObjectURL(url);
	const channel = new MessageChannel();
	const entry: RunningWorker = { worker, port: channel.port1, runId: 0 };
	entry.port.addEventListener('message', (message: MessageEvent<WorkerMessage>) =>
		post({ type: 'worker', runId: entry.runId, message: message.data })
	);
	entry.port.start();
	const connect: ConnectRequest = { type: 'connect' };
	worker.postMessage(connect, [channel.port2]);
	worker.addEventListener('error', (error) => {
		error.preventDefault();
		const reason = error.message || 'the worker could not start';
		// A spare that fails says so when it is given a run.
		if (entry.runId === 0) entry.failure = reason;
		else post({ type: 'unavailable', runId: entry.runId, reason });
	});
	return entry;
}

function startSpare() {
	if (typescriptSource) spare ??= start(typescriptSource);
}

function prepareTypeScript(source: string) {
	typescriptSource = source;
	startSpare();
}

function runTypeScript(runId: number, request: RunRequest) {
	if (!typescriptSource) throw new Error('TypeScript was not prepared');
	end('typescript');
	const entry = spare ?? start(typescriptSource);
	spare = undefined;
	entry.runId = runId;
	workers.typescript = entry;
	if (entry.failure) post({ type: 'unavailable', runId, reason: entry.failure });
	else entry.port.postMessage(request);
	// The next run's worker starts now, while the reader reads this one's verdict.
	startSpare();
}

function handle(request: FrameRequest) {
	if (request.type === 'stop') {
		for (const language of LANGUAGES) {
			if (workers[language]?.runId === request.runId) end(language);
		}
		return;
	}
	if (request.type === 'prepare') {
		if (request.language === 'typescript') return prepareTypeScript(request.workerSource);
		if (workers.python) return;
		workers.python = start(request.workerSource);
		const load: PythonWorkerRequest = { type: 'load', files: request.files };
		workers.python.port.postMessage(load);
		return;
	}
	const { runId, language } = request;
	try {
		if (language === 'typescript')
			return runTypeScript(runId, { code: request.code, trace: request.trace });
		const python = workers.python;
		if (!python) throw new Error('Python was not started');
		python.runId = runId;
		const run: PythonWorkerRequest = { type: 'run', code: request.code, trace: request.trace };
		python.port.postMessage(run);
	} catch (error) {
		post({ type: 'unavailable', runId, reason: String(error) });
	}
}

window.addEventListener('message', (event: MessageEvent<FrameRequest>) => {
	if (event.source === parent) handle(event.data);
});
post({ type: 'ready' });
