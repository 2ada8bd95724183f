/**
 * Click-to-verdict times as a reader meets them, and the floors they are
 * measured against in the same browser: what the fastest possible page could
 * do with a bare worker, and with Pyodide loaded in a plain worker.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Language } from '../../src/shared/languages.ts';
import { PYODIDE_FILES } from '../../src/shared/pyodide-files.ts';
import { FINAL_STATUS } from './verdict-status.ts';

export interface RunTiming {
	/** Move the pointer over Run this long before the click, as a mouse user does; none: click unannounced. */
	hoverMs?: number;
}

/**
 * Clicks a snippet's Run and returns the milliseconds until its verdict is set.
 * The verdict is watched with a MutationObserver, so the figure is not rounded
 * up to the next animation frame.
 */
export async function timeClickToVerdict(
	page: Page,
	snippetId: string,
	language: Language,
	{ hoverMs }: RunTiming = {}
): Promise<number> {
	const run = page.locator(`[data-snippet-id="${snippetId}"] [data-run="${language}"]`);
	if (hoverMs !== undefined) {
		await run.hover();
		await page.waitForTimeout(hoverMs);
	}
	return page.evaluate(
		async ({ snippetId, language, finalStatus }) => {
			const root = document.querySelector(`[data-snippet-id="${snippetId}"]`)!;
			const verdict = root.querySelector<HTMLElement>(`[data-verdict="${language}"]`)!;
			delete verdict.dataset.status;
			const final = new RegExp(finalStatus);
			const started = performance.now();
			const ended = new Promise<number>((resolve) => {
				const observer = new MutationObserver(() => {
					if (!final.test(verdict.dataset.status ?? '')) return;
					observer.disconnect();
					resolve(performance.now());
				});
				observer.observe(verdict, { attributes: true, attributeFilter: ['data-status'] });
			});
			root.querySelector<HTMLButtonElement>(`[data-run="${language}"]`)!.click();
			return (await ended) - started;
		},
		{ snippetId, language, finalStatus: FINAL_STATUS.source }
	);
}

/**
 * Clicks a snippet's Trace and returns the milliseconds until the traces of all
 * its languages are drawn. The trace panels are emptied first, so that only a
 * new drawing counts; a MutationObserver sees it arrive.
 */
export async function timeTraceToDrawn(
	page: Page,
	snippetId: string,
	{ hoverMs }: RunTiming = {}
): Promise<number> {
	const trace = page.locator(`[data-snippet-id="${snippetId}"] [data-trace]`);
	if (hoverMs !== undefined) {
		await trace.hover();
		await page.waitForTimeout(hoverMs);
	}
	return page.evaluate(async (snippetId) => {
		const root = document.querySelector(`[data-snippet-id="${snippetId}"]`)!;
		const toggle = root.querySelector<HTMLButtonElement>('[data-trace]')!;
		// A second press hides the traces; the next press draws them again.
		if (toggle.getAttribute('aria-expanded') === 'true') toggle.click();
		const bodies = [...root.querySelectorAll('.trace-body')];
		for (const body of bodies) body.replaceChildren();
		const drawn = () => bodies.every((body) => body.querySelector('.trace-step'));
		const started = performance.now();
		const ended = new Promise<number>((resolve) => {
			const observer = new MutationObserver(() => {
				if (!drawn()) return;
				observer.disconnect();
				resolve(performance.now());
			});
			observer.observe(root, { childList: true, subtree: true });
		});
		toggle.click();
		return (await ended) - started;
	}, snippetId);
}

/**
 * The floor for a TypeScript run, in this page: a bare blob worker started and
 * answering one message, and one message's round trip to a worker already running.
 */
export function measureWorkerFloor(page: Page, rounds: number) {
	return page.evaluate(async (rounds) => {
		const source = 'onmessage = (event) => postMessage(event.data);';
		const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
		const reply = (worker: Worker) =>
			new Promise<void>((resolve) => {
				worker.onmessage = () => resolve();
				worker.postMessage('ping');
			});
		const spawn: number[] = [];
		const roundTrip: number[] = [];
		for (let round = 0; round < rounds; round++) {
			let started = performance.now();
			const worker = new Worker(url);
			await reply(worker);
			spawn.push(performance.now() - started);
			started = performance.now();
			await reply(worker);
			roundTrip.push(performance.now() - started);
			worker.terminate();
		}
		return { spawn, roundTrip };
	}, rounds);
}

/**
 * The floor for a cold Python start, in a fresh page whose cache is empty:
 * Pyodide's files fetched from the site and `loadPyodide` in a plain module
 * worker, with none of the runner around it. Pyodide's own ES module entry,
 * which the site does not ship, is served to this page from the package.
 */
export async function measurePythonFloor(page: Page, pyodideBase: string): Promise<number> {
	const entry = readFileSync(fileURLToPath(import.meta.resolve('pyodide/pyodide.mjs')), 'utf8');
	await page.route('**/pyodide/pyodide.mjs', (route) =>
		route.fulfill({ body: entry, contentType: 'text/javascript' })
	);
	return page.evaluate(
		async ({ base, files }) => {
			const source = `
				import { loadPyodide } from ${JSON.stringify(`${base}pyodide.mjs`)};
				onmessage = async () => {
					await loadPyodide({ indexURL: ${JSON.stringify(base)} });
					postMessage('ready');
				};`;
			const started = performance.now();
			// The files are fetched together, as the runner fetches them; loadPyodide then finds them cached.
			await Promise.all(files.map((name) => fetch(base + name).then((r) => r.arrayBuffer())));
			const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
			const worker = new Worker(url, { type: 'module' });
			await new Promise<void>((resolve, reject) => {
				worker.onmessage = () => resolve();
				worker.onerror = (event) => reject(new Error(event.message));
				worker.postMessage('start');
			});
			worker.terminate();
			return performance.now() - started;
		},
		{ base: pyodideBase, files: [...PYODIDE_FILES] }
	);
}
