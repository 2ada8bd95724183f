/**
 * axe-core finds no violations on any page, in either theme; on the first
 * chapter, with a snippet's verdict shown (a verdict looks the same on every page).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from 'vitest';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { runAndWait } from '../support/verdict.ts';

const site = useBuiltSite();

const snippets = readManifest();
/** The axe rules whose outcome depends on colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const pages = ['/', '/404.html', ...new Set(snippets.map((snippet) => snippet.page))];

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
	return violations.map(
		(violation) =>
			`${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`
	);
}

// Two pages at a time: axe's work is in the browser, and the machines that run this have two cores.
test.concurrent.each(pages)(
	'%s has no axe violations in the light or the dark theme',
	async (path) => {
		const { page } = await site.newPage({ colorScheme: 'light' });
		await page.goto(site.url(path));
		const firstSnippet = snippets.find((snippet) => snippet.page === path);
		if (firstSnippet && path === snippets[0]!.page) {
			const root = page.locator(`[data-snippet-id="${firstSnippet.id}"]`);
			expect((await runAndWait(root)).status).toBe('pass');
		}
		// The same page, verdict and all, in each theme: the reader's choice switches it as it would.
		// A theme changes colours and nothing else, so in the second one only the rules that read
		// colours run again.
		for (const theme of ['light', 'dark'] as const) {
			await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
			const axe = new AxeBuilder({ page });
			if (theme === 'dark') axe.withRules(COLOUR_RULES);
			const { violations } = await axe.analyze();
			expect(describeViolations(violations), `${theme} theme`).toEqual([]);
		}
	}
);
