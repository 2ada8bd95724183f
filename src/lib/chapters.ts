import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareCoursePositions, getChapterPath } from './chapter-files.ts';
import { extractExercises } from '../snippets/extract-snippets.ts';

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

/**
 * Each chapter's exercise ids, read once for each version of its text (`digest`):
 * every page's sidebar lists them all, and parsing every chapter for every page
 * made the build grow with the square of the chapters.
 */
const exerciseIds = new Map<string, string[]>();

function exercisesOf(chapter: Chapter): string[] {
	const key = `${chapter.id}:${chapter.digest ?? ''}`;
	let ids = exerciseIds.get(key);
	if (!ids) {
		ids = extractExercises(chapter.body ?? '', chapter.filePath ?? chapter.id).map(
			(exercise) => exercise.id
		);
		exerciseIds.set(key, ids);
	}
	return ids;
}

export function toChapterLink(chapter: Chapter): ChapterLink {
	return {
		title: chapter.data.title,
		href: getChapterPath(chapter.id),
		appendix: chapter.data.appendix,
		exercises: exercisesOf(chapter),
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
