/**
 * Byte budgets, measured the way a reader's browser loads the page: every script
 * fetched before any interaction, plus inline scripts, gzip-compressed.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readManifest, startSite, type TestSite } from './test-utils.ts';

/** Starlight caps its pages at 27 KB; a page here needs far less before the reader runs anything. */
const JS_BUDGET_BEFORE_INTERACTION = 10 * 1024;

let site: TestSite;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const pages = ['/', ...new Set(readManifest().map((snippet) => snippet.page))];

test.each(pages)('%s loads at most 10 KB of JavaScript (gzip) before interaction', async (path) => {
	const { page } = await site.newPage();
	const scripts: Buffer[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(await response.body());
	});
	await page.goto(site.url(path), { waitUntil: 'networkidle' });
	const inline = await page.locator('script:not([src])').evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
	const bytes = [...scripts, ...inline.map((text) => Buffer.from(text))].reduce((sum, body) => sum + gzipSync(body).length, 0);
	expect(scripts.length).toBeGreaterThan(0);
	expect(bytes).toBeLessThanOrEqual(JS_BUDGET_BEFORE_INTERACTION);
});
