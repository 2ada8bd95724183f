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
