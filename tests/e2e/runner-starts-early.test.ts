/**
 * The runner starts before the click, on the reader's intent, and never on a
 * plain page load: pointing at Run prepares the sandbox, pointing at Run Python
 * starts Python, and a reader who has run Python here before finds it starting
 * as the page loads. A prepared TypeScript worker still serves one run only.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { runAndWait } from '../support/verdict.ts';

const [first, second] = readManifest();
const site = useBuiltSite();

/** Records the paths of the Pyodide files the page asks for. */
function recordPyodideRequests(page: Page): string[] {
	const requested: string[] = [];
	page.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.includes('/pyodide/')) requested.push(path);
	});
	return requested;
}

test('a plain page load fetches no Pyodide file and starts no sandbox', async () => {
	const { page } = await site.newPage();
	const requested = recordPyodideRequests(page);
	await page.goto(site.url(first!.page), { waitUntil: 'networkidle' });
	// Scrolling and reading are not intent to run.
	await page.mouse.wheel(0, 800);
	await page.waitForLoadState('networkidle');
	expect(requested).toEqual([]);
	expect(await page.locator('iframe[sandbox]').count()).toBe(0);
});

test('pointing at Run Python starts Python before the click, which then reuses it', async () => {
	const { page } = await site.newPage();
	const requested = recordPyodideRequests(page);
	await page.goto(site.url(first!.page), { waitUntil: 'networkidle' });
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	await root.getByRole('button', { name: 'Run Python' }).hover();
	await expect.poll(() => requested.length, { timeout: 30_000 }).toBe(5);
	await expect.poll(() => page.locator('iframe[sandbox]').count()).toBe(1);
	// Nothing ran: the verdict is still empty.
	expect(await root.locator('[data-verdict="python"]').textContent()).toBe('');
	expect((await runAndWait(root, 'python', 60_000)).status).toBe('pass');
	expect(requested).toHaveLength(5);
});

test('a reader who has run Python here before finds it starting as the page loads', async () => {
	const { page, context } = await site.newPage();
	await context.addInitScript(() => localStorage.setItem('snippet-python-used', '1'));
	const requested = recordPyodideRequests(page);
	await page.goto(site.url(second!.page));
	await expect.poll(() => requested.length, { timeout: 30_000 }).toBe(5);
});

test('running Python is remembered for the next page', async () => {
	const { page } = await site.newPage();
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	expect(await page.evaluate(() => localStorage.getItem('snippet-python-used'))).toBeNull();
	expect((await runAndWait(root, 'python', 60_000)).status).toBe('pass');
	expect(await page.evaluate(() => localStorage.getItem('snippet-python-used'))).toBe('1');
});

test('the spare TypeScript worker serves one run: what one run leaves in its global scope, the next does not see', async () => {
	const { page } = await site.newPage();
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	const setCode = (code: string) =>
		root
			.locator('[data-code="typescript"]')
			.evaluate((element, text) => (element.textContent = text), code);
	await setCode('(globalThis as any).left = "by the first run";\nconsole.log("set");');
	expect((await runAndWait(root)).details).toContain('+ set');
	await setCode('console.log((globalThis as any).left ?? "nothing left");');
	for (let round = 0; round < 3; round++)
		expect((await runAndWait(root)).details).toContain('+ nothing left');
});
