import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { FINAL_STATUS } from '../../scripts/browser/verdict-status.ts';
import type { Language } from '../../src/shared/languages.ts';

export { FINAL_STATUS };

/**
 * Waits until a snippet's verdict for one language is final, and reads it: its
 * status, what it says, and the details under it (diff or output).
 */
export async function waitForVerdict(
	root: Locator,
	language: Language = 'typescript',
	timeout = 15_000
) {
	const verdict = root.locator(`[data-verdict="${language}"]`);
	await expect
		.poll(() => verdict.getAttribute('data-status'), { timeout, interval: 50 })
		.toMatch(FINAL_STATUS);
	return {
		status: await verdict.getAttribute('data-status'),
		text: (await verdict.textContent()) ?? '',
		details: (await root.locator(`[data-result="${language}"]`).textContent()) ?? '',
	};
}

/** Presses a snippet's Run button for one language and waits for the verdict. */
export async function runAndWait(
	root: Locator,
	language: Language = 'typescript',
	timeout = 15_000
) {
	await root.locator(`[data-run="${language}"]`).click();
	return waitForVerdict(root, language, timeout);
}
