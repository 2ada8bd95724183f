import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const chapters = defineCollection({
	// Files whose name starts with `_` are partials, not chapters.
	loader: glob({ base: './content', pattern: '**/[^_]*.mdx' }),
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
