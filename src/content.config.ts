import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CHAPTER_PATTERN, CHAPTERS_BASE } from './lib/chapter-files.ts';
import { SOURCE_KEYS } from './lib/sources.ts';

const chapters = defineCollection({
	loader: glob({ base: CHAPTERS_BASE, pattern: CHAPTER_PATTERN }),
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
	}),
});

export const collections = { chapters };
