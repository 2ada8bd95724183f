/**
 * Whatever a snippet does, the page survives it: endless loops are stopped,
 * errors are shown with their line, output floods are capped, and snippet code
 * cannot reach the page, its cookies, its storage or the network.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../scripts/browser/serve-site.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { LANGUAGES, type Language } from '../../src/shared/languages.ts';
import { FINAL_STATUS, runAndWait } from '../support/verdict.ts';

const snippets = readManifest();
const [first, second] = snippets;
const site = useBuiltSite();

/** Replaces what a snippet's code panel holds, as a reader's edit would. */
async function setCode(root: Locator, code: string, language: Language = 'typescript') {
	await root
		.locator(`[data-code="${language}"]`)
		.evaluate((element, text) => (element.textContent = text), code);
}

async function openChapter(): Promise<{ page: Page; root: Locator; other: Locator }> {
	const { page } = await site.newPage();
	await page.goto(site.url(first!.page));
	return {
		page,
		root: page.locator(`[data-snippet-id="${first!.id}"]`),
		other: page.locator(`[data-snippet-id="${second!.id}"]`),
	};
}

let pythonPage: Page | undefined;

/** Moves to a chapter by its sidebar link, as a reader does: the page swaps in place, the sandbox stays. */
async function visitBySidebar(page: Page, path: string) {
	await page.locator(`nav.sidebar a[href="${path}"]`).click();
	await page.waitForURL((url) => url.pathname === path);
}

/**
 * The first chapter, in a page where Python has already started, for tests of
 * what a Python run does rather than of how Python starts. Each call moves away
 * and back by the sidebar, which gives fresh snippets and keeps Python.
 */
async function openChapterWithPython(): Promise<{ page: Page; root: Locator }> {
	const elsewhere = snippets.find((snippet) => snippet.page !== first!.page)!.page;
	if (!pythonPage) {
		pythonPage = (await site.newPage()).page;
		await pythonPage.goto(site.url(first!.page));
		const root = pythonPage.locator(`[data-snippet-id="${first!.id}"]`);
		expect((await runAndWait(root, 'python', 60_000)).status).toBe('pass');
	} else {
		await visitBySidebar(pythonPage, elsewhere);
		await visitBySidebar(pythonPage, first!.page);
	}
	return { page: pythonPage, root: pythonPage.locator(`[data-snippet-id="${first!.id}"]`) };
}

/** Runs one language of a snippet (after replacing its code, if given) and waits for the verdict. */
async function run(root: Locator, code?: string, language: Language = 'typescript') {
	if (code !== undefined) await setCode(root, code, language);
	// The first Python run on a page loads Pyodide.
	return runAndWait(root, language, 60_000);
}

describe('endless loops', () => {
	test.each([
		['while (true) {}', 'while (true) {}'],
		[
			'an infinite generator',
			'function* naturals() {\n  let n = 0;\n  while (true) yield n++;\n}\nfor (const n of naturals()) {}',
		],
	])('%s is stopped as busy, and the page stays responsive', async (_name, code) => {
		const { page, root, other } = await openChapter();
		expect((await run(other)).status).toBe('pass');
		await setCode(root, code);
		const verdict = root.locator('[data-verdict="typescript"]');
		await root.getByRole('button', { name: 'Run TypeScript' }).click();
		// The main thread is never blocked: the page answers and scrolls while the loop runs.
		expect(await page.evaluate(() => document.title.length)).toBeGreaterThan(0);
		await page.mouse.wheel(0, 400);
		// How soon depends on how busy the machine is; that it is the watchdog's silence rule and not
		// the run's time limit that stops it is what the verdict says.
		await expect
			.poll(() => verdict.getAttribute('data-status'), { timeout: 60_000, interval: 50 })
			.toMatch(FINAL_STATUS);
		expect(await verdict.getAttribute('data-status')).toBe('timeout');
		expect(await verdict.textContent()).toMatch(
			/stopped after \d+ s — the program was busy and never gave control back/
		);
		expect((await run(other)).status).toBe('pass');
	});
});

test('a snippet that is only waiting on a timer is left to finish', async () => {
	const { root } = await openChapter();
	const result = await run(
		root,
		'await new Promise((resolve) => setTimeout(resolve, 2500));\nconsole.log("waited");'
	);
	expect(result.status).toBe('fail'); // It finished and printed; it is not the documented program.
	expect(result.details).toContain('+ waited');
});

test("a thrown error shows its type, message and line in the reader's code; the next Run works", async () => {
	const { root } = await openChapter();
	const result = await run(
		root,
		'const a: number = 1;\nconsole.log(a);\nthrow new TypeError("bad value");'
	);
	expect(result.status).toBe('error');
	expect(result.text).toContain('TypeError: bad value (line 3)');
	await setCode(root, first!.typescript.code);
	expect((await run(root)).status).toBe('pass');
});

test('an unhandled promise rejection is reported as an error', async () => {
	const { root } = await openChapter();
	const result = await run(
		root,
		'Promise.reject(new RangeError("nobody caught me"));\nawait new Promise((resolve) => setTimeout(resolve, 50));'
	);
	expect(result.status).toBe('error');
	expect(result.text).toContain('RangeError: nobody caught me');
});

test('a promise rejected as the program ends is still reported as an error, with its line', async () => {
	const { root } = await openChapter();
	const result = await run(
		root,
		'console.log("last line");\nPromise.reject(new RangeError("rejected at the end"));'
	);
	expect(result.status).toBe('error');
	expect(result.text).toContain('RangeError: rejected at the end (line 2)');
});

test('a syntax error is reported with its line and column', async () => {
	const { root } = await openChapter();
	const result = await run(root, 'const ok = 1;\nconst = 2;');
	expect(result.status).toBe('error');
	expect(result.text).toMatch(/SyntaxError: .*\(line 2, column \d+\)/);
});

test('a syntax error only the JavaScript engine finds still names its line', async () => {
	const { root } = await openChapter();
	const result = await run(root, 'const ok = 1;\nlet twice = 1;\nlet twice = 2;');
	expect(result.status).toBe('error');
	expect(result.text).toMatch(
		/SyntaxError: Identifier 'twice' has already been declared \(line 3\)/
	);
});

test.each([
	['a string', 'throw "no more values";', 'Uncaught: no more values'],
	['an object', 'throw { code: 7 };', 'Uncaught: { code: 7 }'],
	['a string, in a timer', 'setTimeout(() => {\n  throw "late";\n}, 0);', 'Uncaught: late'],
])(
	'a thrown value that is not an Error (%s) still names its line',
	async (_name, thrower, message) => {
		const { root } = await openChapter();
		const result = await run(root, `console.log("first");\n${thrower}`);
		expect(result.status).toBe('error');
		const throwLine = 2 + thrower.split('\n').findIndex((line) => line.includes('throw'));
		expect(result.text).toContain(`${message} (line ${throwLine})`);
	}
);

test('a print loop is capped inside the worker, with a notice, and the page keeps working', async () => {
	const { page, root, other } = await openChapter();
	const result = await run(root, 'for (let i = 0; i < 1_000_000; i++) console.log("line", i);');
	expect(result.status).toBe('fail');
	expect(result.details).toContain('Output truncated');
	expect(await page.locator('.diff-line').count()).toBeLessThan(3000);
	expect((await run(other)).status).toBe('pass');
});

test('output is text, never HTML', async () => {
	const { page, root } = await openChapter();
	const result = await run(root, 'console.log("<img src=x onerror=alert(1)>");');
	expect(result.details).toContain('<img src=x onerror=alert(1)>');
	expect(await page.locator('[data-result="typescript"] img').count()).toBe(0);
});

/** A program that runs `statements` and prints "fetched" if they got through, or "<label> failed: …". */
function attempt(label: string, statements: string): string {
	return `try {\n  ${statements}\n  console.log("fetched");\n} catch (error) {\n  console.log("${label} failed:", String(error));\n}`;
}

test('snippet code cannot reach the page, its storage or the network', async () => {
	// A server of our own, to see whether any request or connection leaves the sandbox at all.
	const hits: string[] = [];
	const server = createServer((request, response) => {
		hits.push(`${request.method} ${request.url}`);
		response.end('reached');
	});
	server.on('upgrade', (request, socket) => {
		hits.push(`upgrade ${request.url}`);
		socket.destroy();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	const { page, context } = await site.newPage();
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	await context.addCookies([{ name: 'secret', value: 'kept', url: site.url('/') }]);
	await page.evaluate(() => localStorage.setItem('secret', 'kept'));
	const probes = [
		[
			'document.cookie',
			'console.log(typeof document === "undefined" ? "no document" : document.cookie);',
			/no document/,
		],
		[
			'localStorage',
			'console.log(typeof localStorage === "undefined" ? "no localStorage" : localStorage.getItem("secret"));',
			/no localStorage/,
		],
		[
			'parent.document',
			'console.log(typeof parent === "undefined" ? "no parent" : String(parent.document));',
			/no parent/,
		],
		['fetch', attempt('fetch', `await fetch("http://127.0.0.1:${port}/fetch");`), /fetch failed/],
		[
			'WebSocket',
			`const outcome = await new Promise<string>((resolve) => {\n  try {\n    const socket = new WebSocket("ws://127.0.0.1:${port}/socket");\n    socket.onopen = () => resolve("opened");\n    socket.onerror = () => resolve("WebSocket failed");\n  } catch (error) {\n    resolve("WebSocket failed: " + String(error));\n  }\n});\nconsole.log(outcome);`,
			/WebSocket failed/,
		],
		[
			'XMLHttpRequest',
			attempt(
				'XHR',
				`const request = new XMLHttpRequest();\n  request.open("GET", "http://127.0.0.1:${port}/xhr", false);\n  request.send();`
			),
			/XHR failed/,
		],
		[
			'importScripts',
			attempt('importScripts', `importScripts("http://127.0.0.1:${port}/script.js");`),
			/importScripts failed/,
		],
		[
			'import()',
			attempt('import', `await import("http://127.0.0.1:${port}/module.js");`),
			/import failed/,
		],
		[
			'a nested worker',
			`const outcome = await new Promise<string>((resolve) => {\n  try {\n    const worker = new Worker("http://127.0.0.1:${port}/worker.js");\n    worker.onmessage = () => resolve("opened");\n    worker.onerror = () => resolve("worker failed");\n  } catch (error) {\n    resolve("worker failed: " + String(error));\n  }\n});\nconsole.log(outcome);`,
			/worker failed/,
		],
	] as const;
	const pythonProbes = [
		[
			'open_url (a synchronous request from Python)',
			`from pyodide.http import open_url\ntry:\n    print("fetched", open_url("http://127.0.0.1:${port}/open_url").read())\nexcept Exception as error:\n    print("open_url failed:", type(error).__name__)`,
			/open_url failed/,
		],
		[
			// The promise is never awaited: what matters is that no request reaches the server.
			'js.fetch (what pyfetch calls)',
			`import js\nprint(type(js.fetch("http://127.0.0.1:${port}/js-fetch")).__name__)`,
			/PyodideFuture/,
		],
	] as const;
	try {
		for (const [name, code, expected] of probes) {
			const result = await run(root, code);
			expect(result.details, name).toMatch(expected);
			expect(result.details, name).not.toMatch(/kept|fetched|opened/);
		}
		for (const [name, code, expected] of pythonProbes) {
			const result = await run(root, code, 'python');
			expect(result.details + result.text, name).toMatch(expected);
			expect(result.details, name).not.toMatch(/fetched/);
		}
		expect(hits).toEqual([]);
		expect(await page.evaluate(() => localStorage.getItem('secret'))).toBe('kept');
		expect((await context.cookies()).find((cookie) => cookie.name === 'secret')?.value).toBe(
			'kept'
		);
	} finally {
		server.close();
	}
});

test('a new Run ends the previous run: an interval never prints into the next run', async () => {
	const { root, other } = await openChapter();
	await setCode(root, 'setInterval(() => console.log("tick"), 20);');
	await root.getByRole('button', { name: 'Run TypeScript' }).click();
	await expect
		.poll(() => root.locator('[data-verdict="typescript"]').getAttribute('data-status'))
		.toBe('running');
	const next = await run(other);
	expect(await root.locator('[data-verdict="typescript"]').getAttribute('data-status')).toBe(
		'stopped'
	);
	expect(next.status).toBe('pass');
	expect(next.details).not.toContain('tick');
});

test('a run in progress can be stopped by the reader, and quick clicks do not stack runs', async () => {
	const { page, root } = await openChapter();
	await setCode(root, 'setInterval(() => console.log("tick"), 20);');
	const runButton = root.getByRole('button', { name: 'Run TypeScript' });
	await runButton.click();
	await runButton.click({ force: true, trial: false }).catch(() => undefined);
	await runButton.click({ force: true }).catch(() => undefined);
	await root.getByRole('button', { name: 'Stop' }).click();
	await expect
		.poll(() => root.locator('[data-verdict="typescript"]').getAttribute('data-status'))
		.toBe('stopped');
	expect(await page.locator('iframe[sandbox]').count()).toBe(1);
});

test('Stop ends a run that is still getting ready, such as Python still downloading', async () => {
	const { page } = await site.newPage();
	// Pyodide's files are held back until the test lets them go: the run cannot start before.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/pyodide/python_stdlib.zip*', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	const verdict = root.locator('[data-verdict="python"]');
	await root.getByRole('button', { name: 'Run Python' }).click();
	await expect.poll(() => verdict.getAttribute('data-status')).toBe('running');
	await root.getByRole('button', { name: 'Stop' }).click();
	await expect.poll(() => verdict.getAttribute('data-status')).toBe('stopped');
	release();
	// Nothing of the stopped run is left waiting: the next run loads Python and passes.
	expect((await runAndWait(root, 'python', 60_000)).status).toBe('pass');
});

test('in a burst of clicks the last one is the run that goes on', async () => {
	const { page } = await site.newPage();
	// The trace asked for first waits on Python, which is held back: it gets ready last.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/pyodide/python_stdlib.zip*', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(site.url(first!.page));
	const traced = page.locator(`[data-snippet-id="${first!.id}"]`);
	const last = page.locator(`[data-snippet-id="${second!.id}"]`);
	await traced.getByRole('button', { name: 'Trace' }).click();
	await expect
		.poll(() => traced.locator('[data-verdict="python"]').getAttribute('data-status'))
		.toBe('running');
	// The last click: a run that keeps going until the reader stops it.
	await setCode(last, 'setInterval(() => console.log("tick"), 50);');
	await last.getByRole('button', { name: 'Run TypeScript' }).click();
	await expect
		.poll(() => traced.locator('[data-trace-view]').textContent())
		.toContain('Not traced: the run was stopped.');
	release();
	// Nothing of the trace took its place: it is still running until Stop.
	await expect
		.poll(() => last.locator('[data-verdict="typescript"]').getAttribute('data-status'))
		.toBe('running');
	expect(
		await traced.locator('[data-verdict="typescript"]').getAttribute('data-status')
	).toBeNull();
	await last.getByRole('button', { name: 'Stop' }).click();
	await expect
		.poll(() => last.locator('[data-verdict="typescript"]').getAttribute('data-status'))
		.toBe('stopped');
});

test('the runner says it is unavailable, and never passes, when it cannot start', async () => {
	const { page } = await site.newPage({ javaScriptEnabled: true });
	await page.route('**/typescript-worker-*.js', (route) => route.abort());
	await page.goto(site.url(first!.page));
	const result = await run(page.locator(`[data-snippet-id="${first!.id}"]`));
	expect(result.status).toBe('unavailable');
	expect(result.text).toMatch(/unavailable/i);
});

describe('what a program prints is shown, and only its standard output is compared', () => {
	const PROGRAMS = {
		typescript: {
			printsThenLoops: 'console.log("first");\nconsole.log("second");\nwhile (true) {}',
			toStderr: 'console.error("a diagnostic");\nconsole.warn("a warning");',
		},
		python: {
			printsThenLoops: 'print("first")\nprint("second")\nwhile True:\n    pass',
			toStderr:
				'import sys\nprint("a diagnostic", file=sys.stderr)\nprint("a warning", file=sys.stderr)',
		},
	} satisfies Record<Language, unknown>;

	test.each(LANGUAGES)(
		'%s: lines printed just before an endless loop are shown',
		async (language) => {
			const { root } = await openChapter();
			const result = await run(root, PROGRAMS[language].printsThenLoops, language);
			expect(result.status).toBe('timeout');
			expect(result.details).toContain('first\nsecond');
		}
	);

	test('python: a last line printed without a newline belongs to its own run', async () => {
		const { root } = await openChapterWithPython();
		const result = await run(root, 'print("no newline", end="")', 'python');
		expect(result.status).toBe('fail');
		expect(result.details).toContain('+ no newline');
		const next = await run(root, 'print("next")', 'python');
		expect(next.details).not.toContain('no newline');
	});

	test.each(LANGUAGES)(
		'%s: stderr is shown apart, marked, and never counted toward the transcript',
		async (language) => {
			const { root } = await (language === 'python' ? openChapterWithPython() : openChapter());
			const documented = first![language]!.code;
			const result = await run(root, `${documented}\n${PROGRAMS[language].toStderr}`, language);
			expect(result.status).toBe('pass');
			expect(result.details).toContain('stderr');
			expect(result.details).toContain('a diagnostic\na warning');
		}
	);
});

describe('the verdict says what the program really did', () => {
	test('lines joined by a lone carriage return do not pass for the transcript, and are shown', async () => {
		const { root } = await openChapter();
		const joined = first!.typescript.output.split('\n').join('\r');
		const result = await run(root, `console.log(${JSON.stringify(joined)});`);
		expect(result.status).toBe('fail');
		expect(result.details).toContain('␍');
	});

	test('an error message, whatever its length, is shown cut short', async () => {
		const { root } = await openChapter();
		const result = await run(root, 'throw new Error("x".repeat(1_000_000));');
		expect(result.status).toBe('error');
		expect(result.text).toMatch(/^TypeScript: ✗ Error: Error: x+… \(line 1\)$/);
		expect(result.text.length).toBeLessThan(1200);
	});

	test('a Python message of several lines keeps its type', async () => {
		const { root } = await openChapterWithPython();
		const result = await run(root, 'raise ValueError("first line\\nsecond line")', 'python');
		expect(result.status).toBe('error');
		expect(result.text).toContain('ValueError: first line');
	});
});

test('a sandbox frame that fails to start is taken out of the page, and says so', async () => {
	const { page } = await site.newPage();
	// A frame script that throws, as a broken build or a browser that refused it would: the frame
	// then never says it is ready.
	await page.route('**/frame-main-*.js', (route) =>
		route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken frame");' })
	);
	await page.goto(site.url(first!.page));
	const root = page.locator(`[data-snippet-id="${first!.id}"]`);
	const result = await run(root);
	expect(result.status).toBe('unavailable');
	expect(result.text).toContain('the sandbox did not start');
	expect(await page.locator('iframe[sandbox]').count()).toBe(0);
	// The page still works: the next Run tries again.
	expect(await root.getByRole('button', { name: 'Run TypeScript' }).isEnabled()).toBe(true);
});

describe('Python in the page', () => {
	const runPython = (root: Locator, code?: string) => run(root, code, 'python');

	test('loads Pyodide from the site once, with visible progress, and reuses it for later runs', async () => {
		const { page } = await site.newPage();
		const downloads: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/pyodide/') && request.method() === 'GET')
				downloads.push(new URL(request.url()).pathname);
		});
		// The largest file is held back until the test has seen the progress bar.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/pyodide/pyodide.asm.wasm*', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(site.url(first!.page));
		const root = page.locator(`[data-snippet-id="${first!.id}"]`);
		await root.getByRole('button', { name: 'Run Python' }).click();
		const verdict = root.locator('[data-verdict="python"]');
		await expect.poll(() => verdict.textContent()).toMatch(/downloading Python \(\d+\.\d MB/);
		const bar = root.getByRole('progressbar', { name: 'Downloading Python' });
		// The other files arrive while the largest is held: the bar moves and says how far.
		await expect
			.poll(() => bar.getAttribute('aria-valuetext'))
			.toMatch(/^(?!0\.0 )\d+\.\d of \d+\.\d MB$/);
		expect(await bar.isVisible()).toBe(true);
		release();
		await expect
			.poll(() => verdict.textContent(), { timeout: 60_000 })
			.toMatch(/starting Python|running|Pass/);
		await expect
			.poll(() => root.locator('[data-verdict="python"]').getAttribute('data-status'), {
				timeout: 60_000,
			})
			.toBe('pass');
		const other = page.locator(`[data-snippet-id="${second!.id}"]`);
		expect((await runPython(other)).status).toBe('pass');
		expect(downloads.sort()).toEqual(
			[
				'pyodide-lock.json',
				'pyodide.asm.mjs',
				'pyodide.asm.wasm',
				'pyodide.js',
				'python_stdlib.zip',
			].map((name) => `/pyodide/${name}`)
		);
	});

	test('an endless Python loop is stopped as busy, and the next run starts a fresh Python', async () => {
		const { root, other } = await openChapter();
		expect((await runPython(other)).status).toBe('pass');
		const result = await runPython(root, 'while True:\n    pass');
		expect(result.status).toBe('timeout');
		expect(result.text).toMatch(
			/stopped after \d+ s — the program was busy and never gave control back/
		);
		expect((await runPython(other)).status).toBe('pass');
	});

	test('a Python error shows its type, message and line', async () => {
		const { root } = await openChapterWithPython();
		const result = await runPython(root, 'def g():\n    yield\n\n\ng().send(1)');
		expect(result.status).toBe('error');
		expect(result.text).toContain(
			"TypeError: can't send non-None value to a just-started generator (line 5)"
		);
	});
});

describe('drawings are text, never code', () => {
	test('a yielded Mermaid directive is drawn as text, and the page makes no request for it', async () => {
		const hits: string[] = [];
		const server = createServer((request, response) => {
			hits.push(`${request.method} ${request.url}`);
			response.end();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		// Another origin than the site's: a directive in a label would restyle the diagram to load it.
		const css = `svg, g, rect, text { background: url(http://127.0.0.1:${port}/leak.png); fill: url(http://127.0.0.1:${port}/fill.svg#x) }`;
		const payload = `%%{init: {"themeCSS": "${css}"}}%%`;
		const code = {
			typescript: `function* leak(): Generator<string, void, undefined> {\n  yield ${JSON.stringify(payload)};\n}\nfor (const value of leak()) console.log(value.length);`,
			python: `def leak():\n    yield ${JSON.stringify(payload)}\n\n\nfor value in leak():\n    print(len(value))`,
		};
		try {
			const { page } = await site.newPage();
			await page.goto(site.url(first!.page));
			const root = page.locator(`[data-snippet-id="${first!.id}"]`);
			for (const language of LANGUAGES) await setCode(root, code[language], language);
			await root.getByRole('button', { name: 'Trace' }).click();
			for (const language of LANGUAGES) {
				const panel = root.locator(`[data-trace-for="${language}"]`);
				await panel.locator('.trace-step').waitFor({ timeout: 60_000 });
				const labels = (await panel.locator('.messageText').allTextContents()).join('\n');
				expect(labels, language).toContain('themeCSS');
				expect(await panel.locator('svg').innerHTML(), language).not.toContain(`:${port}`);
			}
			await page.waitForLoadState('networkidle');
			expect(hits).toEqual([]);
		} finally {
			server.close();
		}
	});
});

describe('the verdict comes from the runner, never from the program', () => {
	/** Programs that post what the runner would post for the documented transcript, then end. */
	const spoofs = (lines: string[]) => ({
		typescript: `for (const line of ${JSON.stringify(lines)})\n  (self as any).postMessage({ type: "output", stream: "stdout", line });\n(self as any).postMessage({ type: "done" });\nconsole.log("what this program really prints");`,
		python: `import js\nfrom pyodide.ffi import to_js\n\n\ndef post(message):\n    js.postMessage(to_js(message, dict_converter=js.Object.fromEntries))\n\n\nfor line in ${JSON.stringify(lines)}:\n    post({"type": "output", "stream": "stdout", "line": line})\npost({"type": "done"})\nprint("what this program really prints")`,
	});

	test.each(LANGUAGES)(
		'a %s program that posts the documented transcript does not pass',
		async (language) => {
			const { root } = await (language === 'python' ? openChapterWithPython() : openChapter());
			const documented = first![language]!.output.split('\n');
			const result = await run(root, spoofs(documented)[language], language);
			expect(result.status).not.toBe('pass');
			expect(result.text).not.toContain('prints the documented transcript');
		}
	);

	test('a program cannot post output past the cap, nor heartbeats that keep a busy loop alive', async () => {
		const { root } = await openChapter();
		const flood = await run(
			root,
			'for (let i = 0; i < 5000; i++)\n  (self as any).postMessage({ type: "output", stream: "stdout", line: `line ${i}` });\n(self as any).postMessage({ type: "done" });'
		);
		expect(flood.details).not.toContain('line 4999');
		const blinding = await run(
			root,
			'const end = Date.now() + 30_000;\nwhile (Date.now() < end) (self as any).postMessage({ type: "alive" });'
		);
		// Not kept alive until the run's time limit by heartbeats of its own making.
		expect(blinding.text).not.toContain('still waiting');
	});

	test('a flood of messages does not make the next run of the documented snippet fail', async () => {
		const { root, other } = await openChapter();
		await run(
			root,
			'for (let i = 0; i < 300_000; i++) (self as any).postMessage({ type: "noise", i });'
		);
		expect((await run(other)).status).toBe('pass');
		expect((await run(other)).status).toBe('pass');
	});
});

describe('one Python run does not change the next', () => {
	test('a run that rebinds builtins and patches modules leaves the documented snippet passing', async () => {
		const { root } = await openChapterWithPython();
		const poison = [
			'import builtins, sys, collections',
			'builtins.print = lambda *args, **kwargs: None',
			'builtins.len = lambda value: 0',
			'collections.deque = list',
			'sys.stdout = None',
		].join('\n');
		await run(root, poison, 'python');
		await setCode(root, first!.python!.code, 'python');
		expect((await run(root, undefined, 'python')).status).toBe('pass');
	});

	test('an asyncio task left running ends with its run, and prints nothing into the next', async () => {
		const { root } = await openChapter();
		const chatter = [
			'import asyncio',
			'',
			'',
			'async def chatter():',
			'    while True:',
			'        print("still running")',
			'        await asyncio.sleep(0)',
			'',
			'',
			'asyncio.ensure_future(chatter())',
			'print("main done")',
		].join('\n');
		await run(root, chatter, 'python');
		await setCode(root, first!.python!.code, 'python');
		const next = await run(root, undefined, 'python');
		expect(next.details).not.toContain('still running');
		expect(next.status).toBe('pass');
	});
});
