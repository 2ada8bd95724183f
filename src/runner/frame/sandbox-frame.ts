/**
 * The document of the sandbox frame that snippets run in.
 *
 * The frame is `sandbox="allow-scripts"` without `allow-same-origin`, so it has
 * an opaque origin: code in it cannot read the site's cookies or storage, or
 * reach the page's DOM. Its own Content-Security-Policy forbids every network
 * connection. Inside it, snippets run in classic Workers made from blobs (module
 * workers cannot start in an opaque origin). The frame only relays messages: the
 * page keeps the watchdog, so a frame that misbehaves cannot keep a run alive.
 */
import type { Language } from '../../shared/languages.ts';
import type { FrameMessage, FrameRequest } from '../protocol.ts';

export const SANDBOX_CSP = [
	"default-src 'none'",
	// Blob scripts are the workers and Pyodide's own code; 'unsafe-eval' also lets Pyodide compile WebAssembly.
	"script-src 'unsafe-inline' 'unsafe-eval' blob:",
	'worker-src blob:',
	"connect-src 'none'",
].join('; ');

/**
 * Runs inside the frame. It is turned into source text with `toString()`, so it
 * must not refer to anything outside its own body.
 */
function frameMain() {
	// A TypeScript worker serves one run; the Python worker is kept warm between runs.
	const workers: Partial<Record<Language, { worker: Worker; runId: number }>> = {};
	const post = (message: FrameMessage) => parent.postMessage(message, '*');
	const end = (language: Language) => {
		workers[language]?.worker.terminate();
		delete workers[language];
	};

	function start(language: Language, source: string, runId: number): Worker {
		const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
		const worker = new Worker(url);
		URL.revokeObjectURL(url);
		const entry = { worker, runId };
		worker.addEventListener('message', (message) =>
			post({ type: 'worker', runId: entry.runId, message: message.data })
		);
		worker.addEventListener('error', (error) => {
			error.preventDefault();
			post({
				type: 'unavailable',
				runId: entry.runId,
				reason: error.message || 'the worker could not start',
			});
		});
		workers[language] = entry;
		return worker;
	}

	window.addEventListener('message', (event: MessageEvent<FrameRequest>) => {
		if (event.source !== parent) return;
		const request = event.data;
		if (request.type === 'stop') {
			for (const language of ['typescript', 'python'] as const) {
				if (workers[language]?.runId === request.runId) end(language);
			}
			return;
		}
		const { runId, language } = request;
		try {
			if (language === 'typescript') {
				end('typescript');
				start('typescript', request.workerSource, runId).postMessage({
					code: request.code,
					trace: request.trace,
				});
				return;
			}
			if (request.files) {
				end('python');
				start('python', request.workerSource, runId).postMessage({
					type: 'load',
					files: request.files,
				});
			}
			const python = workers.python;
			if (!python) throw new Error('Python was not started');
			python.runId = runId;
			python.worker.postMessage({ type: 'run', code: request.code, trace: request.trace });
		} catch (error) {
			post({ type: 'unavailable', runId, reason: String(error) });
		}
	});
	post({ type: 'ready' });
}

export function getSandboxDocument(): string {
	return [
		'<!doctype html><html><head>',
		`<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
		`<script>(${frameMain.toString()})();</script>`,
		'</head><body></body></html>',
	].join('');
}
