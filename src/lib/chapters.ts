import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareCoursePositions, getChapterPath } from './chapter-files.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** Every page of the course in reading order: the chapters, then the appendices. */
export async function getChapters(): Promise<Chapter[]> {
	const chapters = await getCollection('chapters');
	return chapters.sort((a, b) => compareCoursePositions(a.data, b.data));
}

export interface ChapterLink {
	title: string;
	href: string;
	/** Back matter: listed after the numbered chapters, without a number. */
	appendix: boolean;
	/** The ids of the chapter's exercises, whose progress the sidebar shows. */
	exercises: string[];
}

export function toChapterLink(chapter: Chapter): ChapterLink {
	return {
		title: chapter.data.title,
		href: getChapterPath(chapter.id),
		appendix: chapter.data.appendix,
		exercises: chapter.data.exercises,
	};
}

/**
 * What a chapter's page is made of besides code: its own text, and the title,
 * place and exercises of every chapter, which its menu, sidebar and "next"
 * links show. A rebuild copies the page from the last build while this is the
 * same (Astro's incremental builds), and renders it again when it changes.
 */
export function pageCacheKey(chapter: Chapter, chapters: Chapter[]): string {
	return createHash('sha256')
		.update(JSON.stringify([chapter.digest, chapters.map(toChapterLink)]))
		.digest('hex');
}
