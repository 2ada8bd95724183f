/**
 * The CPU that a browser's renderers (the page's and the sandbox's processes)
 * use, read from Chromium itself: how much a stopped program still burns, and
 * how long after its verdict it is really given back.
 */
import type { Browser, Locator } from 'playwright-core';
import { FINAL_STATUS } from './verdict-status.ts';

const SAMPLE_MS = 100;
/** Less than this share of one core over a sample: the program is gone. */
const IDLE_SHARE = 0.1;
/** A program still burning CPU after this long is reported as such. */
const GIVE_UP_MS = 10_000;

/** CPU seconds used so far by each renderer process, by process id. */
export async function readRendererCpu(browser: Browser): Promise<Map<number, number>> {
	const session = await browser.newBrowserCDPSession();
	try {
		const { processInfo } = await session.send('SystemInfo.getProcessInfo');
		return new Map(
			processInfo.filter((info) => info.type === 'renderer').map((info) => [info.id, info.cpuTime])
		);
	} finally {
		await session.detach();
	}
}

/** CPU seconds the renderers used between two readings; a process that ended in between counts for nothing more. */
export function cpuUsedBetween(before: Map<number, number>, after: Map<number, number>): number {
	let used = 0;
	for (const [id, seconds] of after) used += seconds - (before.get(id) ?? 0);
	return used;
}

/**
 * Clicks `start`, waits for the verdict of `root` in `language` (pressing
 * `stop` first, if given, once the run is under way), and returns how many
 * milliseconds after the verdict the renderers went idle.
 */
export async function measureCpuRelease(
	browser: Browser,
	root: Locator,
	language: string,
	start: Locator,
	stop?: Locator
): Promise<number | undefined> {
	const verdict = root.locator(`[data-verdict="${language}"]`);
	await start.click();
	if (stop) {
		// Long enough for the program to be running flat out.
		await new Promise((resolve) => setTimeout(resolve, 500));
		// Pressed as from the keyboard: a pointer moving over the buttons would start Python or a
		// new sandbox on intent, and their CPU would be counted as the loop's.
		await stop.dispatchEvent('click');
	}
	while (!FINAL_STATUS.test((await verdict.getAttribute('data-status')) ?? ''))
		await new Promise((resolve) => setTimeout(resolve, 20));
	const verdictAt = performance.now();
	let before = await readRendererCpu(browser);
	let sampledAt = performance.now();
	while (performance.now() - verdictAt < GIVE_UP_MS) {
		await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
		const now = performance.now();
		const after = await readRendererCpu(browser);
		const share = (cpuUsedBetween(before, after) * 1000) / (now - sampledAt);
		// The window that turned out idle began when the CPU was last seen busy.
		if (share < IDLE_SHARE) return sampledAt - verdictAt;
		before = after;
		sampledAt = now;
	}
	return undefined;
}
