/**
 * URL paths of the site's pages, in one place so that the pages, the snippet
 * manifest and the tests agree on them.
 */

/** The chapter's URL path for a content entry id (its file name without `.mdx`). */
export function getChapterPath(chapterId: string): string {
	return `/chapters/${chapterId}/`;
}
