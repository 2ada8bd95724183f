import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHAPTERS_BASE } from '../lib/chapter-files.ts';
import {
	collectExercises,
	collectSnippets,
	toExerciseEntry,
	toManifestEntry,
} from '../snippets/collect-snippets.ts';

/**
 * Writes `dist/snippets.json` and `dist/exercises.json`, the lists of every
 * snippet and every exercise that tools and tests read.
 */
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
				const exercises = (await collectExercises(contentDir)).map(toExerciseEntry);
				await writeFile(
					new URL('./exercises.json', dir),
					`${JSON.stringify(exercises, null, '\t')}\n`
				);
				logger.info(`Wrote exercises.json with ${exercises.length} exercises.`);
			},
		},
	};
}
