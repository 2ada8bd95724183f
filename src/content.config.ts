import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { CHAPTER_PATTERN, CHAPTERS_BASE } from './lib/chapter-files.ts';
import { SOURCE_KEYS } from './lib/sources.ts';
import { extractExercises } from './snippets/extract-snippets.ts';

/**
 * The chapter files, as Astro's glob loader reads them, with the ids of each
 * chapter's exercises added to its data. The loader parses a chapter only when
 * its text has changed, and Astro keeps the data between builds: every page's
 * sidebar lists every chapter's exercises, and parsing every chapter for it was
 * most of the work of a rebuild that renders one page.
 */
function chapterFiles(): Loader {
	const files = glob({ base: CHAPTERS_BASE, pattern: CHAPTER_PATTERN });
	return {
		...files,
		load: (context) =>
			files.load({
				...context,
				parseData: async (entry) => {
					const source = entry.filePath ? await readFile(entry.filePath, 'utf8') : '';
					const exercises = extractExercises(source, entry.filePath ?? entry.id);
					return context.parseData({
						...entry,
						data: { ...entry.data, exercises: exercises.map((exercise) => exercise.id) },
					});
				},
			}),
	};
}

const chapters = defineCollection({
	loader: chapterFiles(),
	schema: z.object({
		/** The chapter's heading, also used in the sidebar and the page title. */
		title: z.string(),
		/** One or two sentences for search results, link previews and the landing page. */
		description: z.string(),
		/** Position in the course; chapters are listed and linked in this order. */
		order: z.number().int().nonnegative(),
		/** The works the chapter follows, by key in `lib/sources.ts`; listed at the end of the page. */
		sources: z.array(z.enum(SOURCE_KEYS)).default([]),
		/** The notes the course began from that this chapter draws on, by file name; never shown to readers. */
		seeds: z.array(z.string()).default([]),
		/** Back matter, listed after the chapters rather than numbered among them. */
		appendix: z.boolean().default(false),
		/** The ids of the chapter's exercises, in page order: added by the loader, never written. */
		exercises: z.array(z.string()).default([]),
	}),
});

export const collections = { chapters };
