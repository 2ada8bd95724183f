import { createHash } from 'node:crypto';
import type { ChapterLink } from './chapters.ts';

/**
 * What a chapter's page is made of besides code: its own text (`digest`), and
 * the title, place and exercises of every chapter, which its menu, sidebar and
 * "next" links show. A rebuild copies the page from the last build while this is
 * the same (Astro's incremental builds), and renders it again when it changes.
 */
export function pageCacheKey(digest: string | number | undefined, chapters: ChapterLink[]): string {
	return createHash('sha256')
		.update(JSON.stringify([digest, chapters]))
		.digest('hex');
}
