/**
 * The runner stays right when the machine under it misbehaves: a sandbox whose
 * process dies is replaced, and a run that only waited for a CPU too busy to
 * give it time is not called stuck.
 */
import type { CDPSession } from 'playwright-core';
import { expect, test } from 'vitest';
import { launchChromium, readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { FINAL_STATUS, runAndWait } from '../support/verdict.ts';
import { cpuUsedBetween, readRendererCpu } from '../../scripts/browser/measure-cpu-release.ts';

const [first, second] = readManifest();
const site = useBuiltSite();

/**
 * Runs a snippet's TypeScript, after replacing its code if given, and reads the
 * verdict, all from inside the page: once any frame of a page has crashed,
 * Playwright takes the whole page for dead, so the test talks to it over a
 * DevTools session of its own.
 */
async function runInPage(cdp: CDPSession, id: string, code?: string): Promise<string> {
	const script = async (id: string, code: string | undefined, finalStatus: string) => {
		const root = document.querySelector(`[data-snippet-id="${id}"]`);
		const verdict = root?.querySelector<HTMLElement>('[data-verdict="typescript"]');
		if (!root || !verdict) throw new Error(`no snippet ${id}`);
		const panel = root.querySelector('[data-code="typescript"]');
		if (code !== undefined && panel) panel.textContent = code;
		root.querySelector<HTMLButtonElement>('[data-run="typescript"]')?.click();
		while (!new RegExp(finalStatus).test(verdict.dataset.status ?? ''))
			await new Promise((resolve) => setTimeout(resolve, 50));
		return verdict.dataset.status;
	};
	const { result } = await cdp.send('Runtime.evaluate', {
		expression: `(${script.toString()})(${JSON.stringify(id)}, ${JSON.stringify(code)}, ${JSON.stringify(FINAL_STATUS.source)})`,
		awaitPromise: true,
		returnByValue: true,
	});
	return result.value as string;
}

test('a program that takes the sandbox down with it (out of memory) leaves a new sandbox for the next run', async () => {
	// A small heap for this browser's scripts, so that the program runs out of memory soon.
	const browser = await launchChromium(['--js-flags=--max-old-space-size=96']);
	try {
		const page = await browser.newPage();
		await page.goto(site.url(first!.page));
		const cdp = await page.context().newCDPSession(page);
		let frameCrashed = false;
		page.on('crash', () => (frameCrashed = true));
		expect(await runInPage(cdp, second!.id)).toBe('pass');
		const hog = 'const kept = [];\nwhile (true) kept.push(new Array(100_000).fill(1.5));';
		// Whether the watchdog or the crash comes first, the run does not pass.
		expect(await runInPage(cdp, first!.id, hog)).toBe('timeout');
		expect(frameCrashed).toBe(true);
		// The page itself lives on, and its next runs find a working sandbox.
		expect(await runInPage(cdp, second!.id)).toBe('pass');
		expect(await runInPage(cdp, second!.id)).toBe('pass');
	} finally {
		await browser.close();
	}
});

test('a run that is only waiting is not called stuck when the machine gives it no time at all', async () => {
	const { page, context } = await site.newPage();
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	const other = page.locator(`[data-snippet-id="${second!.id}"]`);
	// Loads the runner, so that the next run starts at once.
	expect((await runAndWait(other)).status).toBe('pass');
	await root
		.locator('[data-code="typescript"]')
		.evaluate(
			(element) =>
				(element.textContent =
					'await new Promise((resolve) => setTimeout(resolve, 1500));\nconsole.log("waited");')
		);
	// Every renderer of the browser (the page's and the sandbox's) is frozen for 3 s, as on a machine
	// so loaded that none of them is scheduled: the watchdog's timer and the worker's heartbeat stop
	// together, and neither is the snippet's fault.
	const browserSession = await context.browser()!.newBrowserCDPSession();
	const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
	const renderers = processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
	expect(renderers.length).toBeGreaterThanOrEqual(2);
	await root.getByRole('button', { name: 'Run TypeScript' }).click();
	await new Promise((resolve) => setTimeout(resolve, 300));
	try {
		for (const pid of renderers) process.kill(pid, 'SIGSTOP');
		await new Promise((resolve) => setTimeout(resolve, 3000));
	} finally {
		for (const pid of renderers) process.kill(pid, 'SIGCONT');
	}
	const verdict = root.locator('[data-verdict="typescript"]');
	await expect
		.poll(() => verdict.getAttribute('data-status'), { timeout: 30_000 })
		.toMatch(/^(fail|timeout)$/);
	// It finished and printed; it is just not the documented program.
	expect(await verdict.textContent()).not.toContain('Timeout');
	expect(await root.locator('[data-result="typescript"]').textContent()).toContain('+ waited');
});

test('a program stopped while busy stops using the CPU with its verdict', async () => {
	const { page } = await site.newPage();
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	await root
		.locator('[data-code="typescript"]')
		.evaluate((element) => (element.textContent = 'while (true) {}'));
	expect((await runAndWait(root, 'typescript', 60_000)).status).toBe('timeout');
	const atVerdict = await readRendererCpu(site.browser);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	// A worker that is merely terminated goes on looping for Chromium's 2 s grace: about 1.5 s of CPU
	// here, on an idle core. A loop that is really over uses none.
	expect(cpuUsedBetween(atVerdict, await readRendererCpu(site.browser))).toBeLessThan(0.5);
});
