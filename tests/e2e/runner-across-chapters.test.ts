/**
 * Moving from chapter to chapter swaps the page's content in place, and the
 * sandbox frame, with Python started in it, goes along: Python started on one
 * chapter answers on the next without starting again. What the page did for
 * itself on a full load (theme, copy buttons, language tabs, search, back and
 * forward) still happens on every chapter the reader moves to.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { followNextLink } from '../../scripts/browser/follow-next-link.ts';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { FINAL_STATUS, runAndWait } from '../support/verdict.ts';

const snippets = readManifest();
const site = useBuiltSite();

const first = snippets[0]!;

/** The first snippet on a page. */
function firstSnippetOn(path: string) {
	const snippet = snippets.find((candidate) => candidate.page === path);
	if (!snippet) throw new Error(`No snippet on ${path}`);
	return snippet;
}

/**
 * Counts, in the page as it is now and across client-side swaps, how often
 * Python says it has started in the sandbox, and marks the document: a full
 * page load would lose both. Call it after the page has loaded, before Python starts.
 */
async function watchPythonStarts(page: Page) {
	await page.evaluate(() => {
		const counter = window as unknown as { pythonStarts: number; sameDocument: boolean };
		counter.pythonStarts = 0;
		counter.sameDocument = true;
		window.addEventListener('message', (event: MessageEvent) => {
			const data = event.data as { type?: string; message?: { type?: string } } | null;
			if (data?.type === 'worker' && data.message?.type === 'ready') counter.pythonStarts += 1;
		});
	});
	return {
		starts: () => page.evaluate(() => (window as unknown as { pythonStarts: number }).pythonStarts),
		sameDocument: () =>
			page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true),
	};
}

/** Every text the snippet's Python verdict shows from now on. */
async function recordVerdictTexts(page: Page, root: Locator): Promise<string[]> {
	const texts: string[] = [];
	const name = `recordVerdict${Math.random().toString(36).slice(2)}`;
	await page.exposeFunction(name, (text: string) => texts.push(text));
	await root.locator('[data-verdict="python"]').evaluate((verdict, name) => {
		const record = (window as unknown as Record<string, (text: string) => void>)[name]!;
		new MutationObserver(() => record(verdict.textContent ?? '')).observe(verdict, {
			childList: true,
			characterData: true,
			subtree: true,
		});
	}, name);
	return texts;
}

/** Follows the page's Next link, and returns the next chapter's first snippet. */
async function goToNextChapter(page: Page) {
	return firstSnippetOn(await followNextLink(page));
}

test('Python started on one chapter answers on the next without starting again', async () => {
	const { page, errors } = await site.newPage();
	await page.goto(site.url(first.page));
	const python = await watchPythonStarts(page);
	const one = page.locator(`[data-snippet-id="${first.id}"]`);
	expect((await runAndWait(one, 'python', 60_000)).status).toBe('pass');
	expect(await python.starts()).toBe(1);

	const pyodideRequests: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/pyodide/')) pyodideRequests.push(request.url());
	});
	const second = await goToNextChapter(page);
	expect(await python.sameDocument()).toBe(true);
	const two = page.locator(`[data-snippet-id="${second.id}"]`);
	const verdicts = await recordVerdictTexts(page, two);
	expect((await runAndWait(two, 'python', 60_000)).status).toBe('pass');
	expect(await python.starts()).toBe(1);
	expect(pyodideRequests).toEqual([]);
	expect(verdicts.filter((text) => /starting|downloading/i.test(text))).toEqual([]);
	expect(errors).toEqual([]);
});

test('where a browser cannot move a frame alive, the next chapter starts a new sandbox that runs', async () => {
	const { page, errors } = await site.newPage();
	// As in browsers without `moveBefore`: moving the frame into the next page reloads it.
	await page.addInitScript(() => {
		delete (Element.prototype as { moveBefore?: unknown }).moveBefore;
	});
	await page.goto(site.url(first.page));
	const one = page.locator(`[data-snippet-id="${first.id}"]`);
	expect((await runAndWait(one, 'typescript')).status).toBe('pass');
	expect((await runAndWait(one, 'python', 60_000)).status).toBe('pass');
	// Not remembered, so that Python does not start again on its own before the click.
	await page.evaluate(() => localStorage.removeItem('snippet-python-used'));
	const second = await goToNextChapter(page);
	const two = page.locator(`[data-snippet-id="${second.id}"]`);
	expect((await runAndWait(two, 'typescript')).status).toBe('pass');
	const verdicts = await recordVerdictTexts(page, two);
	expect((await runAndWait(two, 'python', 60_000)).status).toBe('pass');
	// Python starts again, from the files the page holds: nothing is downloaded twice.
	expect(verdicts).toContain('Python: starting Python…');
	expect(verdicts.filter((text) => /downloading/i.test(text))).toEqual([]);
	expect(await page.locator('iframe[sandbox]').count()).toBe(1);
	expect(errors).toEqual([]);
});

test('a run going on when the reader moves to the next chapter ends there, and the sandbox still runs', async () => {
	const { page } = await site.newPage();
	await page.addInitScript(() => {
		const counter = window as unknown as { frameMessages: number };
		counter.frameMessages = 0;
		window.addEventListener('message', () => (counter.frameMessages += 1));
	});
	await page.goto(site.url(first.page));
	const one = page.locator(`[data-snippet-id="${first.id}"]`);
	await one
		.locator('[data-code="typescript"]')
		.evaluate((element) => (element.textContent = 'setInterval(() => console.log("tick"), 10);'));
	const frameMessages = () =>
		page.evaluate(() => (window as unknown as { frameMessages: number }).frameMessages);
	await one.locator('[data-run="typescript"]').click();
	// The program is ticking: its output comes from the frame, message after message.
	await expect.poll(frameMessages, { timeout: 15_000 }).toBeGreaterThan(50);
	// The snippet leaves the page with the chapter; its verdict is kept here to read how its run ended.
	const leftVerdict = await one.locator('[data-verdict="typescript"]').elementHandle();
	const second = await goToNextChapter(page);
	// Stopped by the move, not left to run into its time limit.
	await expect
		.poll(() => leftVerdict.getAttribute('data-status'), { timeout: 15_000 })
		.toMatch(FINAL_STATUS);
	expect(await leftVerdict.getAttribute('data-status')).toBe('stopped');
	// The program ends: its ticks, one every 10 ms while it runs, stop coming.
	const quietForHalfASecond = async () => {
		const before = await frameMessages();
		await page.waitForTimeout(500);
		return (await frameMessages()) === before;
	};
	await expect.poll(quietForHalfASecond, { timeout: 15_000 }).toBe(true);
	const two = page.locator(`[data-snippet-id="${second.id}"]`);
	const { status, details } = await runAndWait(two, 'typescript');
	expect(status).toBe('pass');
	expect(details).not.toContain('tick');
});

test('the next chapter keeps the theme, gets its copy buttons and language tabs, and Back returns', async () => {
	const { page, errors } = await site.newPage();
	await page.goto(site.url(first.page));
	await page.getByLabel('Theme').selectOption('dark');
	await page.locator('[role="tab"][data-lang="python"]').first().click();
	const firstHeading = await page.locator('h1').textContent();

	const second = await goToNextChapter(page);
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
	expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
	await expect.poll(() => page.locator('main .copy-button').count()).toBeGreaterThan(0);
	const tab = page.locator(`[data-snippet-id="${second.id}"] [role="tab"][data-lang="python"]`);
	expect(await tab.getAttribute('aria-selected')).toBe('true');
	expect(await page.locator('a[aria-current="page"]').first().getAttribute('href')).toContain(
		second.page
	);

	await page.goBack();
	await page.waitForURL((url) => url.pathname === first.page);
	await expect.poll(() => page.locator('h1').textContent()).toBe(firstHeading);
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
	expect(errors).toEqual([]);
});

test('after moving to another chapter, the search shortcut opens one search, and its results lead on', async () => {
	const { page, errors } = await site.newPage();
	await page.goto(site.url(first.page));
	await goToNextChapter(page);
	await page.keyboard.press('/');
	await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
	await page.locator('dialog[open] input').fill('priming');
	const result = page.locator('dialog[open] .pagefind-ui__result-link').first();
	await result.waitFor({ timeout: 15_000 });
	const href = new URL((await result.getAttribute('href'))!, site.url('/')).pathname;
	await result.click();
	await page.waitForURL((url) => url.pathname === href);
	await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
	expect(errors).toEqual([]);
});
