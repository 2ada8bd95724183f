import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind once every page is written. Only content
 * inside `data-pagefind-body` is indexed, so the header, sidebar and footer that
 * every page repeats do not drown the results.
 */
export function pagefindIndex(): AstroIntegration {
	return {
		name: 'pagefind-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				// Pagefind indexes in a process of its own, which must end however indexing ends,
				// or a failed build would hang on it.
				try {
					const { index, errors } = await pagefind.createIndex({});
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: fileURLToPath(dir) });
					if (added.errors.length > 0)
						throw new Error(`Pagefind failed: ${added.errors.join('; ')}`);
					await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
					logger.info(`Indexed ${added.page_count} pages for search.`);
				} finally {
					// Closing must not hide why indexing failed.
					await pagefind.close().catch(() => undefined);
				}
			},
		},
	};
}
