/** Every snippet, run by a reader in the page, reaches `pass`; and the runner reports drift, errors and runaways. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readManifest, startSite, type TestSite } from '../support/serve-site.ts';

const snippets = readManifest();
const pages = [...new Set(snippets.map((snippet) => snippet.page))];
let site: TestSite;

beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

describe.each(pages)('chapter %s', (pagePath) => {
	test('every snippet on the page passes when run', async () => {
		const { page, errors } = await site.newPage();
		await page.goto(site.url(pagePath));
		const expected = snippets.filter((snippet) => snippet.page === pagePath).map((snippet) => snippet.id);
		const onPage = await page.locator('[data-snippet-id]').evaluateAll((roots) => roots.map((root) => (root as HTMLElement).dataset.snippetId));
		expect(onPage).toEqual(expected);

		for (const id of expected) {
			const root = page.locator(`[data-snippet-id="${id}"]`);
			await root.getByRole('button', { name: /^Run/ }).click();
			const verdict = root.locator('[data-status]');
			await expect.poll(() => verdict.getAttribute('data-status'), { message: `snippet ${id}`, timeout: 15_000 }).toMatch(/^(pass|fail|error|timeout)$/);
			const status = await verdict.getAttribute('data-status');
			const detail = status === 'pass' ? '' : `${await verdict.textContent()}\n${await root.locator('[data-result]').textContent()}`;
			expect(status, `snippet ${id}: ${detail}`).toBe('pass');
		}
		expect(errors).toEqual([]);
	});
});

describe('the runner reports what went wrong', () => {
	const first = snippets[0]!;

	/** Opens the first snippet's page with its TypeScript or transcript changed the way a drift would change it. */
	async function runChanged(change: { code?: string; transcript?: string }) {
		const { page } = await site.newPage();
		await page.goto(site.url(first.page));
		const root = page.locator(`[data-snippet-id="${first.id}"]`);
		await root.evaluate((element, { code, transcript }) => {
			if (code !== undefined) element.querySelector('[data-code="typescript"]')!.textContent = code;
			if (transcript !== undefined) element.querySelector('[data-transcript-for~="typescript"]')!.textContent = transcript;
		}, change);
		await root.getByRole('button', { name: /^Run/ }).click();
		const verdict = root.locator('[data-status]');
		await expect.poll(() => verdict.getAttribute('data-status'), { timeout: 15_000 }).toMatch(/^(pass|fail|error|timeout)$/);
		return { page, root, verdict };
	}

	test('a transcript that drifted from the output fails, with a line diff', async () => {
		const { root, verdict } = await runChanged({ transcript: `${first.typescript.output}\nan extra line` });
		expect(await verdict.getAttribute('data-status')).toBe('fail');
		await expect.poll(() => root.locator('.diff-expected').allTextContents()).toEqual(['− an extra line\n']);
	});

	test('a thrown error is shown with its type and message', async () => {
		const { verdict } = await runChanged({ code: 'console.log("before");\nthrow new RangeError("out of range");' });
		expect(await verdict.getAttribute('data-status')).toBe('error');
		expect(await verdict.textContent()).toContain('RangeError: out of range');
	});

	test('output is rendered as text, never as HTML', async () => {
		const { page, root } = await runChanged({ code: 'console.log("<img src=x onerror=alert(1)>");' });
		expect(await root.locator('[data-result]').textContent()).toContain('<img src=x onerror=alert(1)>');
		expect(await page.locator('[data-result] img').count()).toBe(0);
	});

	test('an endless loop is stopped, reported as a timeout, and the page keeps working', async () => {
		const { page, verdict } = await runChanged({ code: 'while (true) {}' });
		expect(await verdict.getAttribute('data-status')).toBe('timeout');
		expect(await verdict.textContent()).toMatch(/stopped after \d+ s/);
		// The main thread was never blocked: the page still answers and another snippet still runs.
		expect(await page.evaluate(() => 1 + 1)).toBe(2);
		const other = page.locator('[data-snippet-id]').nth(1);
		await other.getByRole('button', { name: /^Run/ }).click();
		await expect.poll(() => other.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('pass');
	});
});
