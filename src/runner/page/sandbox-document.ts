/**
 * The document of the sandbox frame, written by the page: a Content-Security-
 * Policy that forbids every network connection, and the frame's script
 * (`../frame/frame-main.ts`, built by Vite) inlined, because a frame that may
 * connect nowhere cannot load it from the site.
 */
const SANDBOX_CSP = [
	"default-src 'none'",
	// Blob scripts are the workers and Pyodide's own code; 'unsafe-eval' also lets Pyodide compile WebAssembly.
	"script-src 'unsafe-inline' 'unsafe-eval' blob:",
	'worker-src blob:',
	"connect-src 'none'",
].join('; ');

export function getSandboxDocument(frameScript: string): string {
	// Inside a <script> element, only "</script" could end it early.
	const inlined = frameScript.replace(/<\/script/gi, '<\\/script');
	return [
		'<!doctype html><html><head>',
		`<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">`,
		`<script>${inlined}</script>`,
		// Runs even when the frame's script failed, so that the page can tell.
		`<script>parent.postMessage({ type: 'loaded' }, '*');</script>`,
		'</head><body></body></html>',
	].join('');
}
