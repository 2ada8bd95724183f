import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { servePackageFiles } from './serve-package-files.ts';

/** Mermaid's own browser build: one module that loads the code of each kind of diagram when needed. */
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';

/**
 * Serves Mermaid, which the trace view loads when a reader first asks for a
 * trace, from the site itself, as the `mermaid` package builds it for browsers:
 * copied into the build, and served from the package by the dev server. Bundling
 * it with the site's own code took about a third of the bundling time of every
 * build. Its own build, which no bundler trims, costs a reader who traces some
 * 45 KB (gzip) more, once.
 *
 * Its folder carries its version (`__MERMAID_PATH__`), so that a cache keyed by
 * URL never serves an old one.
 */
export function mermaidAssets(): AstroIntegration {
	const manifest = fileURLToPath(import.meta.resolve('mermaid/package.json'));
	const distDir = path.join(path.dirname(manifest), 'dist');
	const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
	const folder = `mermaid-${version}/`;
	const files = [
		ENTRY,
		...readdirSync(path.join(distDir, CHUNKS))
			.filter((name) => name.endsWith('.mjs'))
			.map((name) => `${CHUNKS}/${name}`),
	];
	return {
		name: 'mermaid-assets',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: { define: { __MERMAID_PATH__: JSON.stringify(`${folder}${ENTRY}`) } },
				});
			},
			'astro:server:setup': ({ server }) => servePackageFiles(server, folder, distDir, files),
			'astro:build:done': async ({ dir, logger }) => {
				const target = fileURLToPath(new URL(folder, dir));
				await mkdir(path.join(target, CHUNKS), { recursive: true });
				await Promise.all(
					files.map((file) => copyFile(path.join(distDir, file), path.join(target, file)))
				);
				logger.info(`Copied Mermaid ${version} (${files.length} files) into the site.`);
			},
		},
	};
}
