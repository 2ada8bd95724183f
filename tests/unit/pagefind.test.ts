/** The Pagefind build step ends Pagefind's indexing process however indexing ends. */
import type { AstroIntegrationLogger, BaseIntegrationHooks } from 'astro';
import * as pagefind from 'pagefind';
import { afterEach, expect, test, vi } from 'vitest';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';

vi.mock('pagefind', () => ({ createIndex: vi.fn(), close: vi.fn(() => Promise.resolve()) }));

const logger = { info: vi.fn() } as unknown as AstroIntegrationLogger;

function runBuildDone() {
	const hook = pagefindIndex().hooks[
		'astro:build:done'
	] as BaseIntegrationHooks['astro:build:done'];
	return hook({ dir: new URL('file:///site/dist/'), logger } as unknown as Parameters<
		BaseIntegrationHooks['astro:build:done']
	>[0]);
}

afterEach(() => vi.clearAllMocks());

test('closes Pagefind when indexing fails, and reports the failure', async () => {
	vi.mocked(pagefind.createIndex).mockResolvedValue({
		errors: [],
		index: {
			addDirectory: vi.fn().mockResolvedValue({ errors: ['unreadable page'], page_count: 0 }),
			writeFiles: vi.fn(),
		},
	} as unknown as Awaited<ReturnType<typeof pagefind.createIndex>>);
	await expect(runBuildDone()).rejects.toThrow('Pagefind failed: unreadable page');
	expect(pagefind.close).toHaveBeenCalledOnce();
});

test('closes Pagefind when it cannot start', async () => {
	vi.mocked(pagefind.createIndex).mockResolvedValue({ errors: ['no binary'] });
	await expect(runBuildDone()).rejects.toThrow('Pagefind could not start: no binary');
	expect(pagefind.close).toHaveBeenCalledOnce();
});
