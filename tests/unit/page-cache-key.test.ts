import { expect, test } from 'vitest';
import type { ChapterLink } from '../../src/lib/chapters.ts';
import { pageCacheKey } from '../../src/lib/page-cache-key.ts';

const chapters: ChapterLink[] = [
	{ title: 'One', href: '/chapters/one/', appendix: false, exercises: ['first'] },
	{ title: 'Two', href: '/chapters/two/', appendix: false, exercises: [] },
];
const key = pageCacheKey('digest of one', chapters);

test('a page is copied from the last build while its text and the chapter list are the same', () => {
	expect(pageCacheKey('digest of one', structuredClone(chapters))).toBe(key);
});

test('a page is rendered again when its own text changes', () => {
	expect(pageCacheKey('digest of one, edited', chapters)).not.toBe(key);
});

test("a page is rendered again when another chapter's title, place or exercises change", () => {
	const changes: ChapterLink[][] = [
		[chapters[0]!, { ...chapters[1]!, title: 'Two, renamed' }],
		[chapters[1]!, chapters[0]!],
		[chapters[0]!, { ...chapters[1]!, exercises: ['new-exercise'] }],
		[chapters[0]!, { ...chapters[1]!, appendix: true }],
		[chapters[0]!],
	];
	for (const changed of changes) expect(pageCacheKey('digest of one', changed)).not.toBe(key);
});
