/**
 * The fixture every browser test uses: the built site (`dist/`) served on a free
 * local port, with Chromium to drive it, started before a file's tests and closed
 * after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSite, type TestSite } from '../../scripts/browser/serve-site.ts';

export function useBuiltSite(): TestSite {
	let site: TestSite | undefined;
	beforeAll(async () => {
		site = await startSite();
	});
	afterAll(async () => {
		await site?.close();
	});
	const started = () => {
		if (!site) throw new Error('The site starts before the tests: use it inside a test.');
		return site;
	};
	return {
		url: (path) => started().url(path),
		get browser() {
			return started().browser;
		},
		newPage: (options) => started().newPage(options),
		close: () => started().close(),
	};
}
