import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../src/shared/languages.ts';

/** A run is over once its verdict carries one of these statuses. */
export const FINAL_STATUS = /^(pass|fail|error|timeout|stopped|unavailable)$/;

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
