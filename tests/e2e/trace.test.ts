/**
 * A reader asks for the trace of a run: both languages' runs are drawn as
 * sequence diagrams with a state timeline, and step mode walks through them.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { getChapterPath } from '../../src/lib/chapter-files.ts';
import { LANGUAGES } from '../../src/shared/languages.ts';

const site = useBuiltSite();

const PYTHON_START_MS = 60_000;

/** Opens a snippet, presses Trace, and waits until both languages' traces are drawn. */
async function traceSnippet(page: Page, chapter: string, id: string) {
	await page.goto(site.url(getChapterPath(chapter)));
	const root = page.locator(`[data-snippet-id="${id}"]`);
	await root.getByRole('button', { name: 'Trace' }).click();
	for (const language of LANGUAGES) {
		await root
			.locator(`[data-trace-for="${language}"] .trace-step`)
			.waitFor({ timeout: PYTHON_START_MS });
	}
	return root;
}

/** The diagram's messages as the reader sees them, "from → to: label", in order. */
async function readMessages(panel: Locator): Promise<string[]> {
	return panel.locator('.messageText').allTextContents();
}

/** Whether `expected` appear in `actual` in this order, other messages between them allowed. */
function inOrder(actual: string[], expected: string[]): boolean {
	let next = 0;
	for (const message of actual) if (message === expected[next]) next += 1;
	return next === expected.length;
}

test('a trace shows send, delegation and throw, in both languages', async () => {
	const { page, errors } = await site.newPage();
	const root = await traceSnippet(page, 'yield-from', 'yield-from-throws-all-the-way-in');
	const python = await readMessages(root.locator('[data-trace-for="python"]'));
	const typescript = await readMessages(root.locator('[data-trace-for="typescript"]'));

	// Creation, then a send passed down the `yield from` chain, then a throw passed down it too.
	expect(python.slice(0, 6)).toEqual([
		'outer()',
		'next()',
		'middle()',
		'next()',
		'inner()',
		'next()',
	]);
	const pythonSend = Array<string>(3).fill("send('hello')");
	const pythonThrow = Array<string>(3).fill("throw(BadValue('not a number'))");
	expect(inOrder(python, [...pythonSend, 'yield None', ...pythonThrow, 'yield None'])).toBe(true);
	expect(python.at(-1)).toBe('raise GiveUp: stop now');

	// yield* calls the subgenerator's own next and throw, with the value it received.
	expect(typescript.slice(0, 6)).toEqual([
		'outer()',
		'next()',
		'middle()',
		'next(undefined)',
		'inner()',
		'next(undefined)',
	]);
	const typescriptSend = Array<string>(3).fill("next('hello')");
	const typescriptThrow = Array<string>(3).fill('throw(BadValue: not a number)');
	expect(
		inOrder(typescript, [
			...typescriptSend,
			'yield undefined',
			...typescriptThrow,
			'yield undefined',
		])
	).toBe(true);
	expect(typescript.at(-1)).toBe('raise GiveUp: stop now');

	// The timeline has a row per generator, and says in words what the colours show.
	const rows = root.locator('[data-trace-for="python"] .timeline-row');
	expect(await rows.locator('.timeline-name').allTextContents()).toEqual([
		'outer',
		'middle',
		'inner',
	]);
	expect(await rows.first().locator('.sr-only').textContent()).toMatch(
		/^outer: created at 1, running at 2–\d+, suspended at/
	);
	expect(errors).toEqual([]);

	const { violations } = await new AxeBuilder({ page }).include('[data-trace-view]').analyze();
	expect(
		violations.map(
			(violation) =>
				`${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
		)
	).toEqual([]);
});

test('step mode moves forwards and back, highlighting the message and the line', async () => {
	const { page } = await site.newPage();
	const root = await traceSnippet(page, 'yield-from', 'yield-from-throws-all-the-way-in');
	const panel = root.locator('[data-trace-for="python"]');
	const position = panel.locator('.trace-position');
	const step = panel.locator('.trace-step');
	const current = panel.locator('.messageText.is-current');
	await expect.poll(() => position.textContent()).toMatch(/^Step 1 of \d+$/);
	expect(await current.textContent()).toBe('outer()');

	await panel.getByRole('button', { name: 'Forward' }).click();
	await panel.getByRole('button', { name: 'Forward' }).click();
	expect(await position.textContent()).toMatch(/^Step 3 of \d+$/);
	expect(await current.textContent()).toBe('middle()');
	expect(await step.textContent()).toBe(
		'outer → middle: middle() · line 23: yield from middle() · middle is created'
	);
	// The line of the step is marked in the Python code.
	expect(await root.locator('[data-code="python"] .line.trace-line').textContent()).toContain(
		'yield from middle()'
	);
	expect(await panel.locator('.timeline-cell.is-current').count()).toBe(3);

	await panel.getByRole('button', { name: 'Back' }).click();
	expect(await position.textContent()).toMatch(/^Step 2 of \d+$/);
	expect(await current.textContent()).toBe('next()');
	expect(await step.textContent()).toContain('caller → outer: next()');

	// Arrow keys step while a step button has the focus.
	await panel.getByRole('button', { name: 'Forward' }).focus();
	await page.keyboard.press('ArrowRight');
	expect(await position.textContent()).toMatch(/^Step 3 of \d+$/);
	await page.keyboard.press('ArrowLeft');
	expect(await position.textContent()).toMatch(/^Step 2 of \d+$/);

	// The slider goes anywhere, with the keyboard too.
	await panel.getByRole('slider', { name: 'Step' }).focus();
	await page.keyboard.press('End');
	expect(await step.textContent()).toMatch(/^outer → caller: raise GiveUp: stop now/);
	expect(await panel.getByRole('button', { name: 'Forward' }).getAttribute('aria-disabled')).toBe(
		'true'
	);

	// Hiding the trace clears the mark in the code.
	await root.getByRole('button', { name: 'Trace' }).click();
	expect(await root.locator('[data-trace-view]').isHidden()).toBe(true);
	await expect.poll(() => root.locator('.line.trace-line').count()).toBe(0);
});

test('the two protocols can be compared: Python refuses an early send that JavaScript ignores', async () => {
	const { page } = await site.newPage();
	const root = await traceSnippet(page, 'sending-values', 'first-send-must-be-none');
	const python = await readMessages(root.locator('[data-trace-for="python"]'));
	const typescript = await readMessages(root.locator('[data-trace-for="typescript"]'));
	expect(python.slice(0, 3)).toEqual([
		'func()',
		'send(6)',
		"raise TypeError: can't send non-None value to a just-started generator",
	]);
	expect(typescript.slice(0, 3)).toEqual(['func()', 'next(6)', 'yield undefined']);
	// The refused send did not start the Python generator: the send(None) after it does.
	expect(python[3]).toBe('send(None)');
	const states = root.locator('[data-trace-for="python"] .timeline-row .sr-only');
	expect(await states.textContent()).toBe(
		'func: created at 1–3, running at 4, suspended at 5, running at 6, suspended at 7.'
	);
});

test('tracing the same run again shows the drawing already made; a changed run is drawn anew', async () => {
	const { page } = await site.newPage();
	const root = await traceSnippet(page, 'yield-from', 'yield-from-throws-all-the-way-in');
	const toggle = root.getByRole('button', { name: 'Trace' });
	const drawingOf = (language: string) =>
		root.locator(`[data-trace-for="${language}"] svg`).getAttribute('id');
	const first = await drawingOf('typescript');
	const traceAgain = async () => {
		await toggle.click(); // Hide.
		await toggle.click();
		await root.locator('[data-trace-for="typescript"] .trace-step').waitFor();
		await root.locator('[data-trace-for="python"] .trace-step').waitFor();
	};
	await traceAgain();
	expect(await drawingOf('typescript')).toBe(first);
	// An edit that runs one more generator changes the run, so its drawing is made again.
	await root
		.locator('[data-code="typescript"]')
		.evaluate(
			(element) =>
				(element.textContent = `${element.textContent}\nfunction* extra(): Generator<number, void, undefined> {\n  yield 1;\n}\nfor (const n of extra()) console.log(n);`)
		);
	await traceAgain();
	const edited = await drawingOf('typescript');
	expect(edited).toMatch(/^mermaid-trace-\d+$/);
	expect(edited).not.toBe(first);
});

test('a long trace is drawn at a size that reads, in a box that follows the step, in either theme', async () => {
	const { page } = await site.newPage({ viewport: { width: 1440, height: 900 } });
	// The chapter's longest trace: 74 Python events, 44 TypeScript ones.
	const root = await traceSnippet(page, 'yield-from', 'yield-from-any-iterable');
	const panel = root.locator('[data-trace-for="typescript"]');
	expect(await panel.locator('.trace-position').textContent()).toBe('Step 1 of 44');
	const sizes = await panel
		.locator('.messageText')
		.evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().height));
	expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
	// The box scrolls, and keeps the current step's message in sight.
	const box = panel.locator('.trace-diagram');
	expect(await box.evaluate((node) => node.scrollHeight > node.clientHeight)).toBe(true);
	await panel.locator('.trace-slider').fill('40');
	const current = panel.locator('.messageText.is-current');
	const inView = () =>
		box.evaluate((node) => {
			const outer = node.getBoundingClientRect();
			const inner = node.querySelector('.messageText.is-current')!.getBoundingClientRect();
			return inner.top >= outer.top && inner.bottom <= outer.bottom;
		});
	expect(await current.count()).toBe(1);
	expect(await inView()).toBe(true);
	// Zooming out shrinks the labels, on the reader's request only.
	await panel.getByRole('button', { name: 'Zoom out' }).click();
	const smaller = await current.evaluate((label) => label.getBoundingClientRect().height);
	expect(smaller).toBeLessThan(Math.min(...sizes));
	// In the dark theme the diagram's canvas is dark.
	await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
	const canvas = await panel
		.locator('.trace-diagram svg')
		.evaluate((svg) => getComputedStyle(svg).backgroundColor);
	const [r, g, b] = canvas.match(/\d+/g)!.map(Number);
	expect(Math.max(r!, g!, b!)).toBeLessThan(60);
	const { violations } = await new AxeBuilder({ page })
		.include('[data-trace-view]')
		.withRules(['color-contrast', 'scrollable-region-focusable'])
		.analyze();
	expect(violations.map((violation) => violation.id)).toEqual([]);
});

test('a snippet of plain function calls traces its calls and returns, as the chapter draws them', async () => {
	const { page } = await site.newPage();
	const root = await traceSnippet(page, 'coroutine-concept', 'function-calls-in-sequence');
	for (const language of LANGUAGES) {
		const messages = await readMessages(root.locator(`[data-trace-for="${language}"]`));
		expect(messages.filter((message) => message === 'call()')).toHaveLength(2);
		expect(messages.filter((message) => message.startsWith('return'))).toHaveLength(2);
	}
});

test('a snippet with nothing to trace has no Trace button', async () => {
	const { page } = await site.newPage();
	await page.goto(site.url(getChapterPath('iteration-protocol')));
	const root = page.locator('[data-snippet-id="for-loop-over-a-list"]');
	await root.getByRole('button', { name: 'Edit' }).waitFor();
	expect(await root.getByRole('button', { name: 'Trace' }).count()).toBe(0);
});

test('both languages step together when the reader asks, and stepping one shows its code', async () => {
	const { page } = await site.newPage();
	const root = await traceSnippet(page, 'sending-values', 'accumulator-coroutine-test');
	// The reader reads TypeScript: its code is shown, Python's is not.
	await root.getByRole('tab', { name: 'TypeScript' }).click();
	const python = root.locator('[data-trace-for="python"]');
	const typescript = root.locator('[data-trace-for="typescript"]');
	await python.getByRole('button', { name: 'Forward →' }).click();
	// Stepping the Python trace shows the Python code, with the step's line marked.
	expect(await root.locator('.snippet-panel[data-lang="python"]').isVisible()).toBe(true);
	expect(await root.locator('[data-code="python"] .line.trace-line').count()).toBe(1);
	expect(await typescript.locator('.trace-position').textContent()).toBe('Step 1 of 7');
	await root.getByRole('checkbox', { name: 'Step both languages together' }).check();
	await python.getByRole('button', { name: 'Forward →' }).click();
	await python.getByRole('button', { name: 'Forward →' }).click();
	expect(await python.locator('.trace-position').textContent()).toBe('Step 4 of 7');
	expect(await typescript.locator('.trace-position').textContent()).toBe('Step 4 of 7');
	// Each language's line is marked in its own code.
	expect(await root.locator('[data-code="typescript"] .line.trace-line').count()).toBe(1);
	expect(await root.locator('[data-code="python"] .line.trace-line').count()).toBe(1);
});
