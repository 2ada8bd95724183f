import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHAPTERS_BASE } from '../lib/chapter-files.ts';
import { collectSnippets, toManifestEntry } from '../snippets/collect-snippets.ts';

/** Writes `dist/snippets.json`, the list of every snippet that tools and tests read. */
export function snippetsManifest(): AstroIntegration {
	let contentDir = '';
	return {
		name: 'snippets-manifest',
		hooks: {
			'astro:config:done': ({ config }) => {
				contentDir = fileURLToPath(new URL(`${CHAPTERS_BASE}/`, config.root));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const snippets = (await collectSnippets(contentDir)).map(toManifestEntry);
				await writeFile(
					new URL('./snippets.json', dir),
					`${JSON.stringify(snippets, null, '\t')}\n`
				);
				logger.info(`Wrote snippets.json with ${snippets.length} snippets.`);
			},
		},
	};
}
