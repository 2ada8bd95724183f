import { createReadStream, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PYODIDE_FILES, PYODIDE_PATH } from '../shared/pyodide-files.ts';

/**
 * Serves Pyodide from the site itself: copied from the `pyodide` package into the
 * build, and served from it by the dev server. Python runs in the page without a CDN.
 *
 * The files' total size is built into the page's code (`__PYODIDE_BYTES__`), so
 * that the download's progress is right whatever the server says: a compressed
 * response states its compressed length, or none.
 */
export function pyodideAssets(): AstroIntegration {
	const packageDir = path.dirname(fileURLToPath(import.meta.resolve('pyodide')));
	const totalBytes = PYODIDE_FILES.reduce(
		(sum, name) => sum + statSync(path.join(packageDir, name)).size,
		0
	);
	return {
		name: 'pyodide-assets',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({ vite: { define: { __PYODIDE_BYTES__: JSON.stringify(totalBytes) } } });
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const name = request.url?.split('?')[0]?.split('/').pop() ?? '';
					if (!request.url?.includes(`/${PYODIDE_PATH}`) || !PYODIDE_FILES.includes(name))
						return next();
					if (name.endsWith('.wasm')) response.setHeader('Content-Type', 'application/wasm');
					createReadStream(path.join(packageDir, name)).pipe(response);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const target = fileURLToPath(new URL(PYODIDE_PATH, dir));
				await mkdir(target, { recursive: true });
				await Promise.all(
					PYODIDE_FILES.map((name) =>
						copyFile(path.join(packageDir, name), path.join(target, name))
					)
				);
				logger.info(`Copied Pyodide (${PYODIDE_FILES.length} files) into the site.`);
			},
		},
	};
}
