import { getCollection, type CollectionEntry } from 'astro:content';
import { getChapterPath } from './chapter-files.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** Every chapter in course order. */
export async function getChapters(): Promise<Chapter[]> {
	const chapters = await getCollection('chapters');
	return chapters.sort((a, b) => a.data.order - b.data.order);
}

export interface ChapterLink {
	title: string;
	href: string;
}

export function toChapterLink(chapter: Chapter): ChapterLink {
	return { title: chapter.data.title, href: getChapterPath(chapter.id) };
}
