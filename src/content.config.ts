import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CHAPTER_PATTERN, CHAPTERS_BASE } from './lib/chapter-files.ts';

const chapters = defineCollection({
	loader: glob({ base: CHAPTERS_BASE, pattern: CHAPTER_PATTERN }),
	schema: z.object({
		/** The chapter's heading, also used in the sidebar and the page title. */
		title: z.string(),
		/** One or two sentences for search results, link previews and the landing page. */
		description: z.string(),
		/** Position in the course; chapters are listed and linked in this order. */
		order: z.number().int().nonnegative(),
		/** The source notes this chapter transcribes, by file name in the seed material. */
		seeds: z.array(z.string()).min(1),
	}),
});

export const collections = { chapters };
