import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import {
	DEV_SANDBOX_PATH,
	SANDBOX_SCRIPTS,
	type SandboxScript,
} from '../shared/sandbox-scripts.ts';
import { requestedFile } from './serve-package-files.ts';

const ENTRIES: Record<SandboxScript, string> = {
	'frame-main': '../runner/frame/frame-main.ts',
	'typescript-worker': '../runner/workers/typescript-worker.ts',
	'python-worker': '../runner/workers/python-worker.ts',
};

/** One sandbox script and everything it imports, as one classic script, as the build bundles it. */
export async function bundleSandboxScript(
	name: SandboxScript,
	define: Record<string, unknown> = {}
): Promise<string> {
	const output = await build({
		configFile: false,
		logLevel: 'silent',
		define,
		build: {
			write: false,
			minify: false,
			lib: {
				entry: fileURLToPath(new URL(ENTRIES[name], import.meta.url)),
				formats: ['iife'],
				name: name.replace(/-/g, '_'),
			},
		},
	});
	const [result] = Array.isArray(output) ? output : [output];
	if (!result || !('output' in result)) throw new Error(`Vite wrote no bundle for ${name}.`);
	return result.output[0].code;
}

/**
 * In `astro dev`, the sandbox frame's script and the workers' scripts, each
 * bundled into one classic script. The sandbox may connect nowhere, so the page
 * inlines these scripts into the frame and into blob workers; the modules the
 * dev server serves one file at a time would import the rest from the server,
 * which the sandbox refuses.
 *
 * Each is bundled when first asked for, and again after a source file changes.
 */
export function sandboxScriptsInDev(): AstroIntegration {
	return {
		name: 'sandbox-scripts-in-dev',
		hooks: {
			'astro:server:setup': ({ server }) => {
				const bundles = new Map<SandboxScript, Promise<string>>();
				server.watcher.on('change', () => bundles.clear());
				server.middlewares.use((request, response, next) => {
					const file = requestedFile(request.url, DEV_SANDBOX_PATH);
					const name = SANDBOX_SCRIPTS.find((script) => file === `${script}.js`);
					if (!name) return next();
					let code = bundles.get(name);
					if (!code) {
						code = bundleSandboxScript(name, server.config.define);
						code.catch(() => bundles.delete(name));
						bundles.set(name, code);
					}
					code.then(
						(text) => {
							response.setHeader('Content-Type', 'text/javascript');
							response.end(text);
						},
						(error: unknown) => {
							response.statusCode = 500;
							response.end(String(error));
						}
					);
				});
			},
		},
	};
}
