import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/**
 * Counts the JavaScript a page really loads, as a browser fetches it: every
 * script response from the moment this is called, plus the page's inline
 * scripts. Used by the byte budget test and by the benchmark, so both measure
 * the same thing.
 */
export function recordScripts(page: Page) {
	const bodies: Buffer[] = [];
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		pending.push(
			response.body().then(
				(body) => void bodies.push(body),
				() => undefined // A response dropped by a navigation has no body to count.
			)
		);
	});
	return {
		/** Scripts fetched so far: how many, and their raw and gzip sizes. */
		async fetched() {
			await Promise.all(pending);
			return measure(bodies);
		},
		/** The page's inline scripts, which ship inside the HTML. */
		async inline() {
			const texts = await page
				.locator('script:not([src])')
				.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
			return measure(texts.map((text) => Buffer.from(text)));
		},
	};
}

function measure(bodies: Buffer[]) {
	return {
		count: bodies.length,
		raw: bodies.reduce((sum, body) => sum + body.length, 0),
		gzip: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0),
	};
}
