import type { Page } from 'playwright-core';

/**
 * Follows a chapter's "Next" link as a reader does, and waits until the next
 * chapter is in place and its snippets can run. Returns the new page's path.
 */
export async function followNextLink(page: Page): Promise<string> {
	const next = page.locator('a[rel="next"]');
	const path = new URL((await next.getAttribute('href'))!, page.url()).pathname;
	await next.click();
	await page.waitForURL((url) => url.pathname === path);
	if (await page.locator('snippet-runner').count())
		await page.locator('snippet-runner [data-run]:not([disabled])').first().waitFor();
	return path;
}
