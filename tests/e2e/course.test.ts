/** The course as a whole: every chapter names its sources, none shows how it was made, and moved chapters still answer at their old address. */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { getChapterId, getChapterPath, listChapterFiles } from '../../src/lib/chapter-files.ts';
import { MOVED_CHAPTERS } from '../../src/lib/moved-chapters.ts';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();
const chapterIds = (await listChapterFiles()).map((file) => getChapterId(file));

/** The file names of the notes the course began as, e.g. `004_98a410edb1079470.txt`. */
const NOTE_FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;

const builtPage = (chapterId: string) =>
	readFile(new URL(`../../dist${getChapterPath(chapterId)}index.html`, import.meta.url), 'utf8');

describe.each(chapterIds)('chapter %s', (chapterId) => {
	test('shows no file name of the notes it began as', async () => {
		expect(await builtPage(chapterId)).not.toMatch(NOTE_FILE_NAME);
	});
});

test('every chapter ends with the works it follows, and the appendix maps them all', async () => {
	const { page } = await site.newPage();
	for (const chapterId of chapterIds.filter((id) => id !== 'about-the-sources')) {
		await page.goto(site.url(getChapterPath(chapterId)));
		const sources = page.getByRole('region', { name: 'Sources' });
		expect(await sources.getByRole('listitem').count(), chapterId).toBeGreaterThan(0);
	}
	await page.goto(site.url(getChapterPath('about-the-sources')));
	const map = page.locator('.source-map > li');
	expect(await map.count()).toBe(chapterIds.length - 1);
	expect(await page.getByRole('heading', { name: 'Corrections' }).isVisible()).toBe(true);
});

test('the appendix is listed after the numbered chapters', async () => {
	const { page } = await site.newPage();
	await page.goto(site.url(getChapterPath('coroutine-concept')));
	const sidebar = page.getByRole('navigation', { name: 'Chapters', exact: true });
	expect(await sidebar.locator('ol > li').count()).toBe(chapterIds.length - 1);
	expect(await sidebar.locator('ul').textContent()).toContain('About the sources');
	expect(await sidebar.getByText('Appendix', { exact: true }).isVisible()).toBe(true);
});

describe.each(Object.entries(MOVED_CHAPTERS))(
	'the old address of %s',
	(moved, { chapter, sections }) => {
		test('sends the reader to the chapter it became part of, keeping the section', async () => {
			const { page } = await site.newPage();
			await page.goto(site.url(`${getChapterPath(moved)}#a-section`));
			await page.waitForURL(`**${getChapterPath(chapter)}#a-section`);
		});

		test.each(Object.entries(sections))(
			'sends a link to its section #%s where that section went',
			async (section, place) => {
				const [placeChapter, placeSection] = place.split('#');
				const { page } = await site.newPage();
				await page.goto(site.url(`${getChapterPath(moved)}#${section}`));
				await page.waitForURL(`**${getChapterPath(placeChapter!)}#${placeSection!}`);
				expect(await page.locator(`[id="${placeSection!}"]`).count()).toBe(1);
			}
		);

		test('sends the reader on without JavaScript too', async () => {
			const { page } = await site.newPage({ javaScriptEnabled: false });
			await page.goto(site.url(getChapterPath(moved)));
			await page.waitForURL(`**${getChapterPath(chapter)}`);
		});
	}
);
