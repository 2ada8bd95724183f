/** A reader edits a snippet in place, runs it, and gets the documented version back with Reset. */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { waitForVerdict } from '../support/verdict.ts';

const snippet = readManifest().find((entry) => entry.python !== null)!;
const site = useBuiltSite();

async function openSnippet(page: Page) {
	await page.goto(site.url(snippet.page));
	const root = page.locator(`[data-snippet-id="${snippet.id}"]`);
	await root.getByRole('tab', { name: 'TypeScript' }).click();
	return root;
}

test('the editor loads only when the reader asks to edit', async () => {
	const { page } = await site.newPage();
	const root = await openSnippet(page);
	expect(await root.getByRole('textbox').count()).toBe(0);
	await root.getByRole('button', { name: 'Edit' }).click();
	await expect
		.poll(() => root.getByRole('textbox', { name: 'TypeScript code, editable' }).count())
		.toBe(1);
	expect(await root.getByRole('textbox', { name: 'TypeScript code, editable' }).isVisible()).toBe(
		true
	);
});

test('an edit runs with Ctrl+Enter, is marked as edited, and its verdict speaks of the edit', async () => {
	const { page } = await site.newPage();
	const root = await openSnippet(page);
	await root.getByRole('button', { name: 'Edit' }).click();
	const editor = root.getByRole('textbox', { name: 'TypeScript code, editable' });
	// The shortcuts are said under the editor, and given to screen readers with it.
	const hint = root.locator('.snippet-panel[data-lang="typescript"] .snippet-editor-hint');
	await hint.waitFor();
	expect(await hint.textContent()).toBe('Ctrl+Enter runs this code · Esc leaves the editor');
	const hintId = await hint.getAttribute('id');
	expect(await editor.getAttribute('aria-describedby')).toBe(hintId);
	await editor.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\nconsole.log("my own line");');
	await page.keyboard.press('Control+Enter');
	const { status, text } = await waitForVerdict(root);
	expect(status).toBe('fail');
	expect(text).toContain('Your edit prints something other than the expected output');
	expect(await root.locator('.diff-actual').allTextContents()).toEqual(['+ my own line\n']);
	// News about the edit, not an alarm: the verdict is not in the colour of a failure.
	const colours = await root.evaluate((snippet) => {
		const verdict = snippet.querySelector('[data-verdict="typescript"]')!;
		const probe = document.createElement('span');
		probe.style.color = 'var(--fail)';
		snippet.append(probe);
		const fail = getComputedStyle(probe).color;
		probe.remove();
		return { verdict: getComputedStyle(verdict).color, fail };
	});
	expect(colours.verdict).not.toBe(colours.fail);
	// What the edit printed is open to read.
	const printed = root.locator('[data-result="typescript"] details.result-printed');
	expect(await printed.evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
	expect(await printed.locator('pre').textContent()).toContain('my own line');
	expect(await root.locator('.snippet-edited-badge').isVisible()).toBe(true);
});

test('edits survive a reload, are not run on load, and Reset restores the documented code', async () => {
	const { page } = await site.newPage();
	const root = await openSnippet(page);
	await root.getByRole('button', { name: 'Edit' }).click();
	await root.getByRole('textbox', { name: 'TypeScript code, editable' }).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\nconsole.log("kept");');

	await page.reload();
	const editor = root.getByRole('textbox', { name: 'TypeScript code, editable' });
	await expect.poll(() => editor.count()).toBe(1);
	expect(await editor.textContent()).toContain('console.log("kept");');
	expect(await root.locator('[data-verdict="typescript"]').getAttribute('data-status')).toBeNull();
	expect(await root.locator('.snippet-edited-badge').isVisible()).toBe(true);

	await root.getByRole('button', { name: 'Reset' }).click();
	expect(await editor.textContent()).not.toContain('kept');
	expect(await root.locator('.snippet-edited-badge').isVisible()).toBe(false);
	await root.getByRole('button', { name: 'Run TypeScript' }).click();
	expect((await waitForVerdict(root)).status).toBe('pass');
	await page.reload();
	expect(await root.getByRole('textbox').count()).toBe(0);
});

test('Escape leaves the editor for the Run button, so the keyboard is never trapped', async () => {
	const { page } = await site.newPage();
	const root = await openSnippet(page);
	await root.getByRole('button', { name: 'Edit' }).click();
	const editor = root.getByRole('textbox', { name: 'TypeScript code, editable' });
	await expect
		.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
		.toBe('TypeScript code, editable');
	await page.keyboard.press('Escape');
	expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run TypeScript');
	await editor.focus();
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe(
		'TypeScript code, editable'
	);
});

test('the focus ring on Run stands out from the button itself', async () => {
	const { page } = await site.newPage();
	const root = await openSnippet(page);
	const run = root.getByRole('button', { name: 'Run TypeScript' });
	await run.waitFor();
	await expect.poll(() => run.isEnabled()).toBe(true);
	// Reached from the keyboard, as a keyboard user does (after the tab chosen with the mouse).
	for (let press = 0; press < 15; press += 1) {
		if (await run.evaluate((button) => button === document.activeElement)) break;
		await page.keyboard.press('Tab');
	}
	const look = await run.evaluate((button) => {
		const style = getComputedStyle(button);
		return {
			focusVisible: button.matches(':focus-visible'),
			ring: style.outlineColor,
			fill: style.backgroundColor,
			width: style.outlineWidth,
		};
	});
	expect(look.focusVisible).toBe(true);
	expect(look.width).not.toBe('0px');
	expect(look.ring).not.toBe(look.fill);
});

const failingEdits = {
	typescript: {
		code: [
			'function check(n: number): number {',
			'  if (n > 2) throw new RangeError("too big");',
			'  return n;',
			'}',
			'function* numbers() {',
			'  yield check(1);',
			'  yield check(3);',
			'}',
			'console.log([...numbers()]);',
		].join('\n'),
		verdict: 'RangeError: too big (line 2)',
		frames: ['line 9, at the top level', 'line 7, in numbers', 'line 2, in check'],
	},
	python: {
		code: [
			'def check(n):',
			'    if n > 2:',
			'        raise ValueError("too big")',
			'    return n',
			'',
			'',
			'def numbers():',
			'    yield check(1)',
			'    yield check(3)',
			'',
			'',
			'print(list(numbers()))',
		].join('\n'),
		verdict: 'ValueError: too big (line 3)',
		frames: ['line 12, at the top level', 'line 9, in numbers', 'line 3, in check'],
	},
};

test.each(['typescript', 'python'] as const)(
	'a %s error marks its line in the editor, and each call of its traceback leads to its own line',
	async (language) => {
		const { page, context } = await site.newPage();
		const edit = failingEdits[language];
		await context.addInitScript(
			([key, code]) => localStorage.setItem(key!, code!),
			[`snippet-edit:${snippet.id}:${language}`, edit.code]
		);
		await page.goto(site.url(snippet.page));
		const root = page.locator(`[data-snippet-id="${snippet.id}"]`);
		const editor = root.locator(`.snippet-panel[data-lang="${language}"] .cm-editor`);
		await editor.waitFor({ state: 'attached' });
		await root.locator(`[data-run="${language}"]`).click();
		const { status, text } = await waitForVerdict(root, language, 60_000);
		expect(status).toBe('error');
		expect(text).toContain(edit.verdict);
		const marked = editor.locator('.cm-error-line');
		const lines = edit.code.split('\n');
		const lineOf = (frame: string) => lines[Number(/line (\d+)/.exec(frame)![1]) - 1];
		expect(await marked.textContent()).toBe(lineOf(edit.frames.at(-1)!));
		const frames = root.locator(`[data-result="${language}"] .result-frame`);
		expect(await frames.allTextContents()).toEqual(edit.frames);
		await frames.nth(1).click();
		expect(await marked.textContent()).toBe(lineOf(edit.frames[1]!));
		expect(await editor.evaluate((node) => node.contains(document.activeElement))).toBe(true);
	}
);
