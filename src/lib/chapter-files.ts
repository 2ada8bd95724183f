/**
 * What a chapter is, in one place for the site, the snippet pipeline, the tests
 * and the benchmark: an `.mdx` file below `content/` whose name does not start
 * with `_` (those are partials), known by its path without the extension, and
 * published at `/chapters/<id>/`.
 *
 * Loaded in Node only (the build, the tests, the benchmark): the site reads
 * chapters through the content collection, which takes its folder and pattern
 * from here.
 */
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The chapters' folder, relative to the project root (as Astro's glob loader takes it). */
export const CHAPTERS_BASE = './content';
export const CHAPTER_PATTERN = '**/[^_]*.mdx';
export const CONTENT_DIR = fileURLToPath(new URL(`../../${CHAPTERS_BASE}/`, import.meta.url));

/** Every chapter file, as an absolute path, sorted. */
export async function listChapterFiles(contentDir = CONTENT_DIR): Promise<string[]> {
	const files: string[] = [];
	for await (const file of glob(CHAPTER_PATTERN, { cwd: contentDir }))
		files.push(path.join(contentDir, file));
	return files.sort();
}

/**
 * A chapter's id: its path below `content/`, without the extension. Astro's glob
 * loader gives the same id to file names that are already slugs (lower-case
 * words joined by hyphens), as every chapter's is.
 */
export function getChapterId(file: string, contentDir = CONTENT_DIR): string {
	return path
		.relative(contentDir, file)
		.replace(/\.mdx$/, '')
		.split(path.sep)
		.join('/');
}

/** The chapter's URL path, from the root of the site (without any base path). */
export function getChapterPath(chapterId: string): string {
	return `/chapters/${chapterId}/`;
}

/** Where a chapter stands in the course: its `order`, and whether it is back matter. */
export interface CoursePosition {
	order: number;
	appendix: boolean;
}

/** Reading order: the chapters by `order`, then the appendices by `order`. */
export function compareCoursePositions(a: CoursePosition, b: CoursePosition): number {
	return Number(a.appendix) - Number(b.appendix) || a.order - b.order;
}

/** A chapter's place in the course, read from its front matter for tools that run outside Astro. */
export function readCoursePosition(mdxSource: string): CoursePosition {
	const frontMatter = /^---\n([\s\S]*?)\n---/.exec(mdxSource)?.[1] ?? '';
	const order = /^order:\s*(\d+)\s*$/m.exec(frontMatter)?.[1];
	if (order === undefined) throw new Error('The chapter has no `order` in its front matter.');
	return { order: Number(order), appendix: /^appendix:\s*true\s*$/m.test(frontMatter) };
}
