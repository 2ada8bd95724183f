/** Every snippet, run by a reader in the page, reaches `pass`; and the runner reports drift, errors and runaways. */
import { afterAll, describe, expect, test } from 'vitest';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { LANGUAGES } from '../../src/shared/languages.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { runAndWait } from '../support/verdict.ts';

const snippets = readManifest();
const pages = [...new Set(snippets.map((snippet) => snippet.page))];
const site = useBuiltSite();

/**
 * One page for every chapter, moved from chapter to chapter by its sidebar link
 * as a reader does: Python starts once, on the first chapter, and is warm on
 * the others.
 */
let reader: Awaited<ReturnType<typeof site.newPage>> | undefined;
afterAll(() => reader?.page.close());

async function openChapter(pagePath: string) {
	if (!reader) {
		reader = await site.newPage();
		await reader.page.goto(site.url(pagePath));
	} else {
		await reader.page.locator(`nav.sidebar a[href="${pagePath}"]`).click();
		await reader.page.waitForURL((url) => url.pathname === pagePath);
	}
	return reader;
}

describe.each(pages)('chapter %s', (pagePath) => {
	test('every snippet passes when run, in TypeScript and in Python, both verdicts shown at once', async () => {
		const { page, errors } = await openChapter(pagePath);
		const earlierErrors = errors.length;
		const onPage = snippets.filter((snippet) => snippet.page === pagePath);
		const ids = await page
			.locator('[data-snippet-id]:not([data-exercise])')
			.evaluateAll((roots) => roots.map((root) => (root as HTMLElement).dataset.snippetId));
		expect(ids).toEqual(onPage.map((snippet) => snippet.id));

		for (const snippet of onPage) {
			const root = page.locator(`[data-snippet-id="${snippet.id}"]`);
			const languages = LANGUAGES.filter((language) => snippet[language] !== null);
			for (const language of languages) {
				// The first Python run loads Pyodide.
				const { status, text, details } = await runAndWait(root, language, 60_000);
				expect(status, `snippet ${snippet.id}, ${language}: ${text}\n${details}`).toBe('pass');
			}
			for (const language of languages)
				expect(await root.locator(`[data-verdict="${language}"]`).getAttribute('data-status')).toBe(
					'pass'
				);
		}
		expect(errors.slice(earlierErrors)).toEqual([]);
	});

	test("every snippet's Trace draws a diagram in each of its languages", async () => {
		const { page } = await openChapter(pagePath);
		for (const snippet of snippets.filter((candidate) => candidate.page === pagePath)) {
			const root = page.locator(`[data-snippet-id="${snippet.id}"]`);
			const trace = root.locator('[data-trace]');
			// Snippets with nothing to trace have no button (checked against real runs in diagrams.test.ts).
			if ((await trace.count()) === 0) continue;
			await trace.click();
			const languages = LANGUAGES.filter((language) => snippet[language] !== null);
			for (const language of languages) {
				const body = root.locator(`[data-trace-for="${language}"] .trace-body`);
				await body
					.locator('.trace-diagram svg, .trace-empty')
					.or(body.getByText(/could not|not traced|no trace/i))
					.first()
					.waitFor({ timeout: 60_000 });
				expect(
					await body.locator('.trace-diagram svg').count(),
					`snippet ${snippet.id}, ${language}: ${await body.textContent()}`
				).toBe(1);
			}
			await trace.click();
		}
	});
});

// Errors, endless loops and hostile code are covered in runner-survives-bad-input.test.ts.
describe('the runner reports drift', () => {
	const first = snippets[0]!;

	/** Opens the first snippet's page with its transcript changed the way a drift would change it, and runs it. */
	async function runWithTranscript(transcript: string) {
		const { page } = await site.newPage();
		await page.goto(site.url(first.page));
		const root = page.locator(`[data-snippet-id="${first.id}"]`);
		await root
			.locator('[data-transcript-for~="typescript"]')
			.evaluate((element, text) => (element.textContent = text), transcript);
		return { root, verdict: await runAndWait(root) };
	}

	test('a transcript that drifted from the output fails, with a line diff', async () => {
		const { root, verdict } = await runWithTranscript(`${first.typescript.output}\nan extra line`);
		expect(verdict.status).toBe('fail');
		await expect
			.poll(() => root.locator('.diff-expected').allTextContents())
			.toEqual(['− an extra line\n']);
	});
});

describe('a verdict shows what ran', () => {
	test('a passed run can show what it printed, folded away until asked for', async () => {
		const snippet = snippets[0]!;
		const { page } = await site.newPage();
		await page.goto(site.url(snippet.page));
		const root = page.locator(`[data-snippet-id="${snippet.id}"]`);
		// The transcript is named for what it is.
		expect(await root.locator('.transcript .block-label').first().textContent()).toMatch(
			/^Expected (\w+ )?output$/
		);
		expect((await runAndWait(root)).status).toBe('pass');
		const printed = root.locator('[data-result="typescript"] details.result-printed');
		expect(await printed.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
		const lines = snippet.typescript.output.split('\n').length;
		expect(await printed.locator('summary').textContent()).toBe(
			`What it printed (${lines} ${lines === 1 ? 'line' : 'lines'})`
		);
		await printed.locator('summary').click();
		expect(await printed.locator('pre').isVisible()).toBe(true);
		expect(await printed.locator('pre').textContent()).toBe(snippet.typescript.output);
	});
});
