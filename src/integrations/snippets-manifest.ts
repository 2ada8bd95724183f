import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHAPTERS_BASE } from '../lib/chapter-files.ts';
import { collectCourse, toExerciseEntry, toManifestEntry } from '../snippets/collect-snippets.ts';

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
				const course = await collectCourse(contentDir);
				const lists = {
					snippets: course.snippets.map(toManifestEntry),
					exercises: course.exercises.map(toExerciseEntry),
				};
				for (const [name, list] of Object.entries(lists)) {
					await writeFile(new URL(`./${name}.json`, dir), `${JSON.stringify(list, null, '\t')}\n`);
					logger.info(`Wrote ${name}.json with ${list.length} ${name}.`);
				}
			},
		},
	};
}
