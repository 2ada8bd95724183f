/**
 * The document of the sandbox frame that snippets run in.
 *
 * The frame is `sandbox="allow-scripts"` without `allow-same-origin`, so it has
 * an opaque origin: code in it cannot read the site's cookies or storage, or
 * reach the page's DOM. Its own Content-Security-Policy forbids every network
 * connection. Inside it, each run gets a fresh classic Worker made from a blob
 * (module workers cannot start in an opaque origin). The frame only relays
 * messages: the page keeps the watchdog, so a frame that misbehaves cannot keep
 * a run alive.
 */
import type { FrameMessage, FrameRequest } from './worker-protocol.ts';

export const SANDBOX_CSP = [
	"default-src 'none'",
	"script-src 'unsafe-inline' 'unsafe-eval' blob:",
	'worker-src blob:',
	"connect-src 'none'",
].join('; ');

/**
 * Runs inside the frame. It is turned into source text with `toString()`, so it
 * must not refer to anything outside its own body.
 */
function frameMain() {
	let worker: Worker | undefined;
	let currentRun = -1;
	const post = (message: FrameMessage) => parent.postMessage(message, '*');

	window.addEventListener('message', (event: MessageEvent<FrameRequest>) => {
		if (event.source !== parent) return;
		const request = event.data;
		if (request.runId !== currentRun || request.type === 'run') {
			worker?.terminate();
			worker = undefined;
		}
		if (request.type === 'stop') return;
		currentRun = request.runId;
		const runId = request.runId;
		try {
			const url = URL.createObjectURL(new Blob([request.workerSource], { type: 'text/javascript' }));
			worker = new Worker(url);
			URL.revokeObjectURL(url);
		} catch (error) {
			post({ type: 'unavailable', runId, reason: String(error) });
			return;
		}
		worker.addEventListener('message', (message) => post({ type: 'worker', runId, message: message.data }));
		worker.addEventListener('error', (error) => {
			error.preventDefault();
			post({ type: 'unavailable', runId, reason: error.message || 'the worker could not start' });
		});
		worker.postMessage({ code: request.code });
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
