/**
 * A service worker, written with Workbox after the build, that keeps the site for
 * reading offline. A reader who has opened the site once can then read every
 * chapter and run TypeScript with the network off, and Python too once they have
 * run it online.
 *
 * - Precached on the first visit: every page, the styles, and the scripts that
 *   reading, running and editing need. The trace view is left out: it loads
 *   Mermaid, megabytes a reader who never presses Trace should not download.
 * - Cached on first use: the rest of `_astro/` (named by a hash of its content,
 *   so never stale), Mermaid and Pyodide (versioned by their folder and by a
 *   query, so an upgrade replaces them), and the search index (network first: it
 *   changes with the site). The worker's code is `src/service-worker/`.
 * - A deploy changes the precache manifest. The new worker then waits, and the
 *   page offers to reload into the new version (`src/scripts/offline-reading.ts`):
 *   a page is never swapped for a newer one behind the reader's back, and never
 *   shown stale without saying so.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PYODIDE_FILES, PYODIDE_PATH } from '../shared/pyodide-files.ts';

export const SERVICE_WORKER_FILE = 'sw.js';
const ASSETS = '_astro';
/** The chunk that loads Mermaid for Trace, and where the walk below stops. */
const LEFT_FOR_LATER = /^trace-view\./;

/** The worker's code, to which the build adds the site's settings and the precache list. */
const WORKER_SOURCE = new URL('../service-worker/offline-reading.js', import.meta.url);
/** The Workbox modules the worker loads, resolved from `workbox-build`, which installs them. */
const fromWorkboxBuild = createRequire(createRequire(import.meta.url).resolve('workbox-build'));
const WORKBOX_VERSION = (fromWorkboxBuild('workbox-sw/package.json') as { version: string })
	.version;
const WORKBOX_FILES = {
	'workbox-sw.js': 'workbox-sw/build/workbox-sw.js',
	...Object.fromEntries(
		['core', 'routing', 'strategies', 'expiration', 'precaching'].map((name) => [
			`workbox-${name}.prod.js`,
			`workbox-${name}/build/workbox-${name}.prod.js`,
		])
	),
};

/**
 * The scripts a page loads, and every script, style or worker they load in turn,
 * found by following file names in the built code from each page's own scripts.
 */
function findPageScripts(root: string, pages: string[]): string[] {
	const assetDir = path.join(root, ASSETS);
	const assets = new Set(readdirSync(assetDir));
	const found = new Set<string>();
	const visit = (name: string) => {
		if (found.has(name) || LEFT_FOR_LATER.test(name)) return;
		found.add(name);
		if (!name.endsWith('.js')) return;
		const code = readFileSync(path.join(assetDir, name), 'utf8');
		for (const [, referenced] of code.matchAll(/([\w~.-]+\.(?:js|css|wasm))\b/g))
			if (assets.has(referenced!)) visit(referenced!);
	};
	for (const page of pages)
		for (const [, name] of readFileSync(path.join(root, page), 'utf8').matchAll(
			new RegExp(`/${ASSETS}/([\\w~.-]+\\.js)`, 'g')
		))
			visit(name!);
	return [...found].map((name) => `${ASSETS}/${name}`);
}

export function offlineReading(): AstroIntegration {
	let base = '/';
	return {
		name: 'offline-reading',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
					file.endsWith('.html')
				);
				// Loaded by the worker itself; Workbox's own files, which the worker keeps with it.
				const workboxDir = `workbox-v${WORKBOX_VERSION}/`;
				await mkdir(path.join(root, workboxDir), { recursive: true });
				for (const [name, file] of Object.entries(WORKBOX_FILES))
					await copyFile(fromWorkboxBuild.resolve(file), path.join(root, workboxDir, name));
				// Only the manifest: loaded on its own, it leaves out the bundler `generateSW` needs.
				const { getManifest } = (await import(
					fromWorkboxBuild.resolve('workbox-build/build/get-manifest.js')
				)) as typeof import('workbox-build');
				const { manifestEntries, count, size, warnings } = await getManifest({
					globDirectory: root,
					globPatterns: ['**/*.html', `${ASSETS}/*.css`, '*.svg'],
					// The styles are all in the globs above.
					additionalManifestEntries: findPageScripts(root, pages)
						.filter((file) => !file.endsWith('.css'))
						.map((file) => ({ url: `${base}${file}`, revision: null })),
					// Astro's file names already change with their content.
					dontCacheBustURLsMatching: new RegExp(`${ASSETS}/`),
					modifyURLPrefix: { '': base },
					// The largest precached file is a chapter's page, a few hundred KB.
					maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
				});
				const settings = {
					base,
					workbox: `${base}${workboxDir}`,
					assets: `${ASSETS}/`,
					pyodide: PYODIDE_PATH,
					pyodideFiles: PYODIDE_FILES.length,
				};
				// Replaced by functions, so that a `$` in a URL is never read as a replacement pattern.
				const worker = (await readFile(WORKER_SOURCE, 'utf8'))
					.replace('self.__SETTINGS__', () => JSON.stringify(settings))
					.replace('self.__WB_MANIFEST', () => JSON.stringify(manifestEntries));
				await writeFile(path.join(root, SERVICE_WORKER_FILE), worker);
				for (const warning of warnings) logger.warn(warning);
				logger.info(
					`Wrote ${SERVICE_WORKER_FILE}: ${count} files precached for offline reading (${(size / 1024 / 1024).toFixed(1)} MB before compression).`
				);
			},
		},
	};
}
