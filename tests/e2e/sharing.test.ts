/**
 * Links to a snippet, shared edits and the TypeScript Playground, as a reader
 * uses them: a link scrolls to its snippet and marks it, an edit travels in a
 * link to another reader without running, and a broken link says so.
 */
// lz-string is a CommonJS module: its functions hang off its default export.
import lzString from 'lz-string';

const { decompressFromEncodedURIComponent } = lzString;
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';

const snippets = readManifest();
const chapter = '/chapters/yield-from/';
const onChapter = snippets.filter((snippet) => snippet.page === chapter);
/** A snippet well down the page, so that opening its link has to scroll. */
const target = onChapter[Math.floor(onChapter.length / 2)]!;
const site = useBuiltSite();

async function withClipboard() {
	const opened = await site.newPage({ viewport: { width: 1440, height: 900 } });
	await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: site.url('/'),
	});
	return opened;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('a link to a snippet scrolls to it without layout shift and marks it; its # copies it', async () => {
	const { page } = await withClipboard();
	await page.addInitScript(() => {
		const total = window as unknown as { layoutShift: number };
		total.layoutShift = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
				total.layoutShift += entry.value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(site.url(`${chapter}#snippet-${target.id}`), { waitUntil: 'networkidle' });
	await expect.poll(() => page.locator('snippet-runner [data-run][disabled]').count()).toBe(0);
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	const root = page.locator(`#snippet-${target.id}`);
	const seen = await root.evaluate((snippet) => ({
		top: snippet.getBoundingClientRect().top,
		targeted: snippet.matches(':target'),
		outline: getComputedStyle(snippet).outlineStyle,
	}));
	// Below the sticky header, at the top of what the reader sees.
	expect(seen.top).toBeGreaterThan(0);
	expect(seen.top).toBeLessThan(200);
	expect(seen.targeted).toBe(true);
	expect(seen.outline).not.toBe('none');
	expect(
		await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)
	).toBeLessThanOrEqual(0.02);

	await root.getByRole('link', { name: 'Link to this snippet' }).click();
	await expect.poll(() => clipboard(page)).toBe(site.url(`${chapter}#snippet-${target.id}`));
	expect(await root.locator('[data-link-status]').textContent()).toBe('Link copied');
});

test('a shared edit travels to another reader, is marked, never runs, and is one Reset from the documented code', async () => {
	const { page } = await withClipboard();
	await page.goto(site.url(chapter));
	const root = page.locator(`[data-snippet-id="${target.id}"]`);
	expect(await root.getByRole('link', { name: 'Share edit' }).isVisible()).toBe(false);
	await root.getByRole('tab', { name: 'TypeScript' }).click();
	await root.getByRole('button', { name: 'Edit' }).click();
	const editor = root.getByRole('textbox', { name: 'TypeScript code, editable' });
	await editor.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\nconsole.log("shared line");');
	const edited = `${target.typescript.code}\nconsole.log("shared line");`;
	await root.getByRole('link', { name: 'Share edit' }).click();
	await expect.poll(() => clipboard(page)).toContain('share=');
	const link = await clipboard(page);
	expect(new URL(link).hash).toBe(`#snippet-${target.id}`);

	// Another reader, with storage of their own.
	const other = await site.newPage({ viewport: { width: 1440, height: 900 } });
	await other.page.goto(link);
	const received = other.page.locator(`[data-snippet-id="${target.id}"]`);
	const receivedEditor = received.getByRole('textbox', { name: 'TypeScript code, editable' });
	await receivedEditor.waitFor();
	expect(await received.getByText('Shared edit', { exact: true }).isVisible()).toBe(true);
	const shownCode = () =>
		received.evaluate((snippet) =>
			(snippet as HTMLElement & { currentCode(language: string): string }).currentCode('typescript')
		);
	expect(await shownCode()).toBe(edited);
	expect(await received.locator('[data-verdict="typescript"]').getAttribute('data-status')).toBe(
		null
	);
	// Not kept as the other reader's own edit until they change it.
	expect(
		await other.page.evaluate(
			(id) => localStorage.getItem(`snippet-edit:${id}:typescript`),
			target.id
		)
	).toBe(null);

	await received.getByRole('button', { name: 'Reset' }).click();
	expect(await shownCode()).toBe(target.typescript.code);
	expect(await received.getByText('Shared edit', { exact: true }).isVisible()).toBe(false);
});

test.each([
	['a corrupted', '%E2%9C%97not-lz-string', 'could not be read'],
	['an oversized', 'A'.repeat(6_001), 'is too long'],
])('%s share link shows a message and the documented snippet', async (_kind, code, problem) => {
	const { page } = await site.newPage();
	await page.goto(
		site.url(`${chapter}?share=${target.id}&typescript=${code}#snippet-${target.id}`)
	);
	const root = page.locator(`[data-snippet-id="${target.id}"]`);
	const message = root.getByRole('status').filter({ hasText: 'shared edit' });
	await message.waitFor();
	expect(await message.textContent()).toContain(problem);
	expect(await message.textContent()).toContain('the documented code is shown');
	expect(await root.getByText('Shared edit', { exact: true }).isVisible()).toBe(false);
	expect(await root.locator('[data-code="typescript"]').textContent()).toBe(target.typescript.code);
});

test("Playground opens the snippet's TypeScript in the official TypeScript Playground", async () => {
	const { page, context } = await site.newPage();
	// The Playground itself is not needed, only the address it is opened at.
	await context.route('https://www.typescriptlang.org/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<title>Playground</title>' })
	);
	await page.goto(site.url(chapter));
	const root = page.locator(`[data-snippet-id="${target.id}"]`);
	const [popup] = await Promise.all([
		context.waitForEvent('page'),
		root.getByRole('link', { name: /^Playground/ }).click(),
	]);
	// The code travels in the address's fragment, which no request carries.
	await popup.waitForURL(/typescriptlang/);
	const url = popup.url();
	expect(url.startsWith('https://www.typescriptlang.org/play?#code/')).toBe(true);
	expect(decompressFromEncodedURIComponent(url.split('#code/')[1]!)).toBe(target.typescript.code);
});
