/**
 * After one visit, the site reads and runs with the network off: every chapter
 * from the service worker's precache, TypeScript runs, and Python once it has
 * run online. A new deploy is offered, never swapped in behind the reader's back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { runAndWait } from '../support/verdict.ts';

const snippets = readManifest();
const pages = [...new Set(snippets.map((snippet) => snippet.page))];
const site = useBuiltSite();
const SERVICE_WORKER = new URL('../../dist/sw.js', import.meta.url);

/** The first snippet of a chapter with both languages. */
function snippetOn(page: string) {
	const snippet = snippets.find((candidate) => candidate.page === page && candidate.python);
	if (!snippet) throw new Error(`No snippet with Python on ${page}`);
	return snippet;
}

/** Opens a chapter as a first-time visitor, and waits until the site is kept for offline reading. */
async function visitOnce(path: string): Promise<{ page: Page; context: BrowserContext }> {
	const { page, context } = await site.newPage({ serviceWorkers: 'allow' });
	await page.goto(site.url(path));
	// The site is kept from the reader's first interaction on.
	await page.mouse.move(10, 10);
	// Ready once installed, that is once everything is precached; it then takes this page over.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 30_000,
		})
		.toBe(true);
	return { page, context };
}

test('after one visit, every chapter reads and TypeScript runs with the network off; Python too once used', async () => {
	const [first, second, ...others] = pages;
	const { page, context } = await visitOnce(first!);
	const online = snippetOn(first!);
	expect(
		(await runAndWait(page.locator(`[data-snippet-id="${online.id}"]`), 'python', 60_000)).status
	).toBe('pass');

	await context.setOffline(true);
	// A full load of a chapter never opened, from the precache.
	await page.goto(site.url(others.at(-1)!));
	expect(await page.locator('h1').textContent()).toBeTruthy();
	const last = page.locator(`[data-snippet-id="${snippetOn(others.at(-1)!).id}"]`);
	expect((await runAndWait(last, 'typescript', 30_000)).status).toBe('pass');
	expect((await runAndWait(last, 'python', 60_000)).status).toBe('pass');

	// Moving to another chapter in place, as the sidebar does.
	await page.locator(`nav.sidebar a[href="${second!}"]`).click();
	await page.waitForURL((url) => url.pathname === second);
	const next = page.locator(`[data-snippet-id="${snippetOn(second!).id}"]`);
	expect((await runAndWait(next, 'typescript', 30_000)).status).toBe('pass');
});

test('a new version of the site is offered with a notice, and loads only when the reader asks', async () => {
	const { page } = await visitOnce(pages[0]!);
	const notice = page.locator('#site-updated');
	expect(await notice.isHidden()).toBe(true);

	// A deploy: the worker's script on the server changes, and the browser checks for it.
	const deployed = readFileSync(SERVICE_WORKER);
	try {
		writeFileSync(SERVICE_WORKER, `${deployed.toString()}\n// a new deploy\n`);
		await page.evaluate(() =>
			navigator.serviceWorker.getRegistration().then((registration) => registration?.update())
		);
		await notice.waitFor({ state: 'visible', timeout: 30_000 });
	} finally {
		writeFileSync(SERVICE_WORKER, deployed);
	}
	expect(await notice.textContent()).toContain('This site has been updated.');
	// The page the reader is reading stays until they ask.
	await page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));
	await notice.getByRole('button', { name: 'Reload' }).click();
	await page.waitForFunction(() => !(window as { stillHere?: boolean }).stillHere);
	await expect.poll(() => notice.isHidden()).toBe(true);
});
