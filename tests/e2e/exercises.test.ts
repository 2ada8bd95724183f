/**
 * A reader works an exercise in the page: the editor is there as the exercise
 * comes into view, the starter fails with a diff, a solution typed in passes and
 * is remembered as solved, and hints and solutions wait until asked for.
 */
import { expect, test } from 'vitest';
import { readExercises } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { waitForVerdict } from '../support/verdict.ts';

const site = useBuiltSite();
const exercise = readExercises()[0]!;

async function openExercise() {
	const { page, errors } = await site.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(site.url(exercise.page));
	const root = page.locator(`[data-snippet-id="${exercise.id}"]`);
	return { page, errors, root };
}

test('the editor loads as the exercise comes into view, not with the page', async () => {
	const { root } = await openExercise();
	await root.locator('.exercise-task').waitFor();
	expect(await root.locator('.cm-editor').count()).toBe(0);
	await root.scrollIntoViewIfNeeded();
	await expect.poll(() => root.locator('.cm-editor').count()).toBe(2);
});

test('the starter runs but fails, with a diff against the target', async () => {
	const { root } = await openExercise();
	await root.scrollIntoViewIfNeeded();
	await root.locator('[data-run="typescript"]').click();
	const { status, text } = await waitForVerdict(root);
	expect(status).toBe('fail');
	expect(text).toContain('Not yet');
	expect(await root.locator('[data-result="typescript"] .diff-expected').count()).toBeGreaterThan(
		0
	);
});

test('a solution typed into the editor passes, and the exercise stays solved after a reload', async () => {
	const { page, root, errors } = await openExercise();
	await root.getByRole('tab', { name: 'TypeScript' }).click();
	await root.scrollIntoViewIfNeeded();
	const editor = root.getByRole('textbox', { name: 'TypeScript code, editable' });
	await editor.waitFor();
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Delete');
	// In one piece, as a reader pasting it would: typed line by line, it would meet the editor's auto-indent.
	await page.keyboard.insertText(exercise.typescript.solution);
	await page.keyboard.press('Control+Enter');
	const { status, text } = await waitForVerdict(root);
	expect(text, (await root.locator('[data-result="typescript"]').textContent()) ?? '').toContain(
		'Solved'
	);
	expect(status).toBe('pass');
	expect(await root.getByText('✓ Solved', { exact: true }).isVisible()).toBe(true);
	const progress = page.locator(`nav.sidebar a[href="${exercise.page}"] .chapter-progress`);
	const total = readExercises().filter((other) => other.page === exercise.page).length;
	expect(await progress.textContent()).toContain(`1/${total}`);
	await page.reload();
	expect(await root.getByText('✓ Solved', { exact: true }).isVisible()).toBe(true);
	expect(await progress.textContent()).toContain(`1/${total}`);
	// The reader can start again.
	await page.getByRole('button', { name: 'Clear exercise progress' }).click();
	expect(await progress.textContent()).toContain(`0/${total}`);
	expect(await root.getByText('✓ Solved', { exact: true }).isVisible()).toBe(false);
	await page.reload();
	expect(await progress.textContent()).toContain(`0/${total}`);
	expect(errors).toEqual([]);
});

test('hints open one at a time, and a solution waits until asked, then goes into the editor', async () => {
	const { root } = await openExercise();
	await root.scrollIntoViewIfNeeded();
	const hints = root.locator('details.hint');
	expect(await hints.count()).toBeGreaterThan(1);
	expect(await hints.nth(0).isVisible()).toBe(true);
	expect(await hints.nth(1).isVisible()).toBe(false);
	await hints.nth(0).locator('summary').click();
	expect(await hints.nth(1).isVisible()).toBe(true);
	const solution = root.locator('details.exercise-solution', { hasText: 'Python solution' });
	expect(await solution.locator('pre').isVisible()).toBe(false);
	await solution.locator('summary').click();
	await solution.getByRole('button', { name: 'Put it in the editor' }).click();
	await root.locator('[data-run="python"]').click();
	expect((await waitForVerdict(root, 'python', 60_000)).status).toBe('pass');
});

test('without JavaScript, the task, both starters, the target, the hints and the solutions all read', async () => {
	const { page } = await site.newPage({ javaScriptEnabled: false });
	await page.goto(site.url(exercise.page));
	const root = page.locator(`[data-snippet-id="${exercise.id}"]`);
	expect(await root.locator('.exercise-task').textContent()).toContain(
		exercise.task.split('\n')[0]!.slice(0, 40)
	);
	for (const language of ['python', 'typescript'] as const) {
		const starter = root.locator(`[data-code="${language}"]`);
		expect(await starter.isVisible()).toBe(true);
		expect(await starter.textContent()).toBe(exercise[language].starter);
	}
	expect(await root.locator('.transcript').first().isVisible()).toBe(true);
	// Hints and solutions open as plain <details>.
	await root.locator('details.hint summary').first().click();
	expect(
		await root
			.locator('details.hint')
			.first()
			.evaluate((hint: HTMLDetailsElement) => hint.open)
	).toBe(true);
	const solution = root.locator('details.exercise-solution').first();
	await solution.locator('summary').click();
	expect(await solution.locator('pre').isVisible()).toBe(true);
	// The button that needs script is not offered.
	expect(await root.getByRole('button', { name: 'Put it in the editor' }).count()).toBe(0);
});
