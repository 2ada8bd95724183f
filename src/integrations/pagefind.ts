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
				const outputDir = fileURLToPath(dir);
				const { index, errors } = await pagefind.createIndex({});
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outputDir });
				if (added.errors.length > 0) throw new Error(`Pagefind failed: ${added.errors.join('; ')}`);
				await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
				await pagefind.close();
				logger.info(`Indexed ${added.page_count} pages for search.`);
			},
		},
	};
}
