/**
 * Byte budgets, measured the way a reader's browser loads the page: every script
 * fetched before any interaction, plus inline scripts, gzip-compressed.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { recordScripts } from '../../scripts/browser/measure-scripts.ts';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';

/** Starlight caps its pages at 27 KB; a page here needs far less before the reader runs anything. */
const JS_BUDGET_BEFORE_INTERACTION = 10 * 1024;
/**
 * HTML per page, gzip. Code is most of a chapter's HTML (highlighted, in two
 * languages), then its diagrams (inline SVG). Set at 40 KB when the longest
 * chapter was 26 KB; raised to 48 KB when chapters began to end with exercises
 * (a starter and a solution in each language). The longest chapter,
 * yield-from, is 42 KB with its two exercises.
 */
const HTML_BUDGET = 48 * 1024;

const site = useBuiltSite();

const pages = ['/', ...new Set(readManifest().map((snippet) => snippet.page))];

// Two pages at a time: most of each test is the wait for the network to fall quiet.
test.concurrent.each(pages)(
	'%s loads at most 10 KB of JavaScript (gzip) before interaction',
	async (path) => {
		const { page } = await site.newPage();
		const scripts = recordScripts(page);
		await page.goto(site.url(path), { waitUntil: 'networkidle' });
		const fetched = await scripts.fetched();
		const inline = await scripts.inline();
		expect(fetched.count).toBeGreaterThan(0);
		expect(fetched.gzip + inline.gzip).toBeLessThanOrEqual(JS_BUDGET_BEFORE_INTERACTION);
	}
);

test.each(pages)('%s stays within the HTML budget of 48 KB (gzip)', (path) => {
	const html = readFileSync(new URL(`../../dist${path}index.html`, import.meta.url));
	expect(gzipSync(html).length).toBeLessThanOrEqual(HTML_BUDGET);
});
