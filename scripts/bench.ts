/**
 * Prints the site's performance figures on this machine: build time and how it
 * scales, bytes per page, click-to-verdict latency, the trace view, search, and Lighthouse.
 * A benchmark, not a test: it asserts nothing and its numbers vary with load.
 *
 *     npm run bench
 *     npm run bench -- --build-only   (the build figures alone)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, getChromiumPath } from '../src/integrations/chromium.ts';
import { getChapterId, listChapterFiles } from '../src/lib/chapter-files.ts';
import { LANGUAGES, type Language } from '../src/shared/languages.ts';
import { PYODIDE_FILES } from '../src/shared/pyodide-files.ts';
import { measureCpuRelease } from './browser/measure-cpu-release.ts';
import {
	measurePythonFloor,
	measureWorkerFloor,
	timeClickToVerdict,
	timeTraceToDrawn,
	type RunTiming,
} from './browser/measure-runs.ts';
import { followNextLink } from './browser/follow-next-link.ts';
import { recordScripts } from './browser/measure-scripts.ts';
import { readManifest, startSite } from './browser/serve-site.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function heading(title: string) {
	console.log(`\n## ${title}\n`);
}

function timeBuild(root: string): number {
	const started = performance.now();
	const result = spawnSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build'], {
		cwd: root,
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new Error(`Build failed in ${root}:\n${result.stdout}\n${result.stderr}`);
	return performance.now() - started;
}

/**
 * A copy of the project whose content holds every chapter `times` times, with ids
 * made unique. With `distinctDiagrams`, each copy's diagrams are made different
 * from the original's, so that none is drawn from the cache of another, as in a
 * course four times as long; otherwise the copies' diagrams are the same as the
 * original's, and drawn once. It lives inside the project, so
 * that it finds the project's `node_modules` as Node does, by walking up: through
 * a symlink, Astro would compile components from `node_modules` under two different
 * paths. Its caches (Astro's, the diagrams') start empty, in its own folder.
 */
async function makeSiteCopy(times: number, { distinctDiagrams = false } = {}): Promise<string> {
	const copy = mkdtempSync(path.join(ROOT, '.bench-site-'));
	for (const entry of [
		'astro.config.mjs',
		'tsconfig.json',
		'package.json',
		'src',
		'components',
		'public',
	]) {
		cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
	}
	cpSync(path.join(ROOT, 'content'), path.join(copy, 'content'), { recursive: true });
	for (const file of await listChapterFiles()) {
		const source = readFileSync(file, 'utf8');
		for (let copyNumber = 2; copyNumber <= times; copyNumber += 1) {
			const renamed = source
				.replace(/<(Snippet|Exercise) id="([a-z0-9-]+)"/g, `<$1 id="$2-copy-${copyNumber}"`)
				.replace(
					/^order: (\d+)$/m,
					(_, order: string) => `order: ${Number(order) + copyNumber * 100}`
				);
			// A Mermaid comment after the diagram's first line.
			const copied = distinctDiagrams
				? renamed.replace(/^(```mermaid.*\n.*\n)/gm, `$1%% copy ${copyNumber}\n`)
				: renamed;
			writeFileSync(
				path.join(copy, 'content', `${getChapterId(file)}-copy-${copyNumber}.mdx`),
				copied
			);
		}
	}
	return copy;
}

/** Adds a paragraph to the end of one chapter of a copy: an author's edit to prose. */
function editOneChapter(copy: string) {
	const [first] = readdirSync(path.join(copy, 'content')).filter((file) => file.endsWith('.mdx'));
	const file = path.join(copy, 'content', first!);
	writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more sentence of prose.\n`);
}

function directorySize(dir: string): number {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((entry) => path.join(dir, entry))
		.filter((file) => statSync(file).isFile())
		.reduce((sum, file) => sum + statSync(file).size, 0);
}

// ── Build ────────────────────────────────────────────────────────────────────
heading('Build (install excluded)');
const chapterCount = (await listChapterFiles()).length;
const single = await makeSiteCopy(1);
const coldBuild = timeBuild(single);
// Three edits, each rebuilt: the median, as one rebuild on a busy machine varies by a second.
const warmBuilds = [1, 2, 3].map(() => {
	editOneChapter(single);
	return timeBuild(single);
});
const warmBuild = percentile(warmBuilds, 50);
rmSync(single, { recursive: true, force: true });
const timeScaledBuild = async (options: { distinctDiagrams?: boolean }) => {
	const scaled = await makeSiteCopy(4, options);
	const time = timeBuild(scaled);
	rmSync(scaled, { recursive: true, force: true });
	return time;
};
const scaledBuild = await timeScaledBuild({});
const scaledDistinctBuild = await timeScaledBuild({ distinctDiagrams: true });
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const ratio = (value: number) => `ratio ${(value / coldBuild).toFixed(2)}`;
console.log(`${chapterCount} chapters, cold (no caches): ${seconds(coldBuild)}`);
console.log(
	`Rebuild after editing one chapter's prose: ${seconds(warmBuild)}, median of ${warmBuilds.map(seconds).join(', ')}  (${ratio(warmBuild)}, target ≤ 0.33)`
);
console.log(
	`${chapterCount * 4} chapters (each copied 4 times), cold: ${seconds(scaledBuild)}  (${ratio(scaledBuild)}, target ≤ 2.5)`
);
console.log(
	`${chapterCount * 4} chapters, every copy's diagrams different, cold: ${seconds(scaledDistinctBuild)}  (${ratio(scaledDistinctBuild)})`
);
if (process.argv.includes('--build-only')) process.exit(0);
// The rest measures the project's own build.
timeBuild(ROOT);

const snippets = readManifest();
const pages = [...new Set(snippets.map((snippet) => snippet.page))];
const site = await startSite();

// ── Bytes per page ───────────────────────────────────────────────────────────
heading('Bytes per chapter page (gzip in brackets)');
console.log('| page | HTML | CSS | JS before interaction | JS loaded by the first Run |');
console.log('| --- | --- | --- | --- | --- |');
for (const pagePath of pages) {
	const html = readFileSync(path.join(ROOT, 'dist', pagePath, 'index.html'));
	// Linked stylesheets, and the small ones Astro inlines into <head> (not the <style> inside diagrams).
	const head = html.toString().split('</head>')[0] ?? '';
	const stylesheets = [
		...[...head.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) =>
			readFileSync(path.join(ROOT, 'dist', match[1]!))
		),
		...[...head.matchAll(/<style[^>]*>([^<]*)<\/style>/g)].map((match) => Buffer.from(match[1]!)),
	];
	const css = stylesheets.reduce(
		(sum, body) => ({ raw: sum.raw + body.length, gzip: sum.gzip + gzipSync(body).length }),
		{ raw: 0, gzip: 0 }
	);
	const { page } = await site.newPage();
	const before = recordScripts(page);
	await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
	const initial = await before.fetched();
	const inline = await before.inline();
	const afterRun = recordScripts(page);
	const first = page.locator('[data-snippet-id]').first();
	await first.getByRole('button', { name: 'Run TypeScript' }).click();
	await first.locator('[data-verdict="typescript"][data-status="pass"]').waitFor();
	const onRun = await afterRun.fetched();
	await page.close();
	console.log(
		`| ${pagePath} | ${kb(html.length)} (${kb(gzipSync(html).length)}) | ${kb(css.raw)} (${kb(css.gzip)}) | ${kb(initial.raw + inline.raw)} (${kb(initial.gzip + inline.gzip)}) | ${kb(onRun.raw)} (${kb(onRun.gzip)}) |`
	);
}

const summary = (values: number[]) =>
	`median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))} (${values.length} runs)`;

/** The first Run of `language` on each of `pagePaths`, each in a fresh page, then `later` more runs on the last. */
async function timeRuns(
	language: Language,
	pagePaths: string[],
	timing: RunTiming,
	later = 0
): Promise<{ first: number[]; later: number[] }> {
	const first: number[] = [];
	const after: number[] = [];
	for (const [index, pagePath] of pagePaths.entries()) {
		const { page } = await site.newPage();
		await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
		const ids = snippets
			.filter((snippet) => snippet.page === pagePath && snippet[language])
			.map((snippet) => snippet.id);
		first.push(await timeClickToVerdict(page, ids[0]!, language, timing));
		if (index === pagePaths.length - 1)
			for (let round = 0; round < later; round++)
				after.push(await timeClickToVerdict(page, ids[round % ids.length]!, language));
		await page.close();
	}
	return { first, later: after };
}

/** Enough pages for `count` first runs, going round the chapters. */
const pagesFor = (count: number) =>
	Array.from({ length: count }, (_, index) => pages[index % pages.length]!);

// ── Click to verdict ─────────────────────────────────────────────────────────
heading('TypeScript: click to verdict, against the floor (headless Chromium)');
{
	const unannounced = await timeRuns('typescript', pagesFor(10), {}, 20);
	const hovered = await timeRuns('typescript', pagesFor(10), { hoverMs: 300 });
	const { page } = await site.newPage();
	await page.goto(site.url(pages[0]!));
	const floor = await measureWorkerFloor(page, 20);
	await page.close();
	console.log(
		`first Run on a page, pointer over Run 300 ms before the click: ${summary(hovered.first)}`
	);
	console.log(
		`first Run on a page, clicked with no warning (loads the runner): ${summary(unannounced.first)}`
	);
	console.log(`later Runs: ${summary(unannounced.later)}`);
	console.log(
		`floor: a bare blob worker started and answering ${summary(floor.spawn)}; a message's round trip to a running worker ${summary(floor.roundTrip)}`
	);
}

// ── Python ───────────────────────────────────────────────────────────────────
heading('Python in the page (Pyodide): click to verdict, against the floor');
{
	/** What the first Python run downloads, as served plain or from the precompressed copies. */
	const download = (extension: '' | '.br' | '.gz') =>
		PYODIDE_FILES.reduce((sum, name) => {
			const file = path.join(ROOT, 'dist', 'pyodide', name);
			return sum + statSync(existsSync(file + extension) ? file + extension : file).size;
		}, 0);
	console.log(
		`download on the first Python run: ${kb(download(''))} plain, ${kb(download('.br'))} brotli, ${kb(download('.gz'))} gzip (${PYODIDE_FILES.length} files, then from the HTTP cache)`
	);
	const floors: number[] = [];
	for (let round = 0; round < 10; round++) {
		const { page } = await site.newPage();
		await page.goto(site.url(pages[0]!));
		floors.push(await measurePythonFloor(page, site.url('/pyodide/')));
		await page.close();
	}
	const cold = await timeRuns('python', pagesFor(10), {}, 10);
	// A second chapter, after Python ran on the first, reached by its Next link as a reader does.
	const second: number[] = [];
	const firstSnippetOn = (chapter: string) => snippets.find((snippet) => snippet.page === chapter);
	for (let round = 0; second.length < 10; round++) {
		const { page } = await site.newPage();
		const chapter = pages[round % pages.length]!;
		await page.goto(site.url(chapter), { waitUntil: 'networkidle' });
		await timeClickToVerdict(page, firstSnippetOn(chapter)!.id, 'python');
		const next = firstSnippetOn(await followNextLink(page));
		if (next) second.push(await timeClickToVerdict(page, next.id, 'python'));
		await page.close();
	}
	console.log(`cold (empty cache, clicked with no warning): ${summary(cold.first)}`);
	console.log(`first run on a second chapter, after Python ran on the first: ${summary(second)}`);
	console.log(`warm (later runs on a page): ${summary(cold.later)}`);
	console.log(
		`floor: Pyodide's files fetched and loadPyodide in a plain worker, empty cache: ${summary(floors)}`
	);
}

// ── A stopped program ────────────────────────────────────────────────────────
heading('A busy program gives back the CPU (verdict to renderers idle, 3 rounds each)');
{
	const { page } = await site.newPage();
	const [snippet] = snippets;
	await page.goto(site.url(snippet!.page));
	const root = page.locator(`[data-snippet-id="${snippet!.id}"]`);
	const loops: Record<Language, string> = {
		typescript: 'while (true) {}',
		python: 'while True:\n    pass',
	};
	for (const language of LANGUAGES) {
		await root
			.locator(`[data-code="${language}"]`)
			.evaluate((element, code) => (element.textContent = code), loops[language]);
		const run = root.locator(`[data-run="${language}"]`);
		const stop = root.getByRole('button', { name: 'Stop' });
		const figures = async (pressStop: boolean) => {
			const times: string[] = [];
			for (let round = 0; round < 3; round++) {
				const released = await measureCpuRelease(
					site.browser,
					root,
					language,
					run,
					pressStop ? stop : undefined
				);
				times.push(released === undefined ? 'still busy after 10 s' : ms(released));
			}
			return times.join(', ');
		};
		console.log(`${language}, stopped by the watchdog: ${await figures(false)}`);
		console.log(`${language}, stopped by the reader: ${await figures(true)}`);
	}
	await page.close();
}

// ── Trace view ───────────────────────────────────────────────────────────────
heading(
	'Trace view (a snippet with send, yield from and throw: 31 Python and 33 TypeScript events)'
);
{
	const chapter = '/chapters/yield-from/';
	const snippetId = 'yield-from-throws-all-the-way-in';
	/** A fresh page where both languages have run once, so that the figures are the trace's own, not Pyodide's start. */
	const openWarmPage = async () => {
		const { page } = await site.newPage();
		await page.goto(site.url(chapter), { waitUntil: 'networkidle' });
		for (const language of LANGUAGES) await timeClickToVerdict(page, snippetId, language);
		return page;
	};
	const first: number[] = [];
	let fetched = { raw: 0, gzip: 0 };
	for (let round = 0; round < 10; round++) {
		const page = await openWarmPage();
		const scripts = recordScripts(page);
		first.push(await timeTraceToDrawn(page, snippetId, { hoverMs: 300 }));
		if (round === 0) fetched = await scripts.fetched();
		await page.close();
	}
	const page = await openWarmPage();
	const unannounced = await timeTraceToDrawn(page, snippetId);
	const later: number[] = [];
	for (let round = 0; round < 10; round++) later.push(await timeTraceToDrawn(page, snippetId));
	await page.close();
	console.log(
		`JavaScript loaded by the first Trace: ${kb(fetched.raw)} raw, ${kb(fetched.gzip)} gzip (Mermaid, acorn, the view)`
	);
	console.log(
		`first Trace on a page, pointer over Trace 300 ms before the click: ${summary(first)}; one clicked with no warning: ${ms(unannounced)}`
	);
	console.log(`later Traces: ${summary(later)}`);
}

// ── Search ───────────────────────────────────────────────────────────────────
heading('Pagefind');
const pagefindDir = path.join(ROOT, 'dist', 'pagefind');
console.log(
	`index on disk: ${kb(directorySize(pagefindDir))} in ${readdirSync(pagefindDir, { recursive: true }).length} files`
);
{
	const { page } = await site.newPage();
	await page.goto(site.url('/'));
	for (const query of ['priming', 'StopIteration', 'yield from', 'getgeneratorstate', 'sentinel']) {
		const timings = await page.evaluate(async (term) => {
			/** The part of Pagefind's browser API measured here. */
			interface Pagefind {
				init(): Promise<void>;
				search(term: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
			}
			const pagefind = (await import(
				/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`
			)) as Pagefind;
			await pagefind.init();
			const times: number[] = [];
			let hits = 0;
			for (let round = 0; round < 5; round += 1) {
				const started = performance.now();
				const search = await pagefind.search(term);
				await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
				times.push(performance.now() - started);
				hits = search.results.length;
			}
			return { times, hits };
		}, query);
		console.log(
			`"${query}": ${timings.hits} pages, first query ${ms(timings.times[0]!)}, then median ${ms(percentile(timings.times.slice(1), 50))}`
		);
	}
	await page.close();
}

// ── Lighthouse ───────────────────────────────────────────────────────────────
// Lighthouse is a tool of this benchmark alone, so it is not a dependency of the site:
// npx fetches the pinned version on the first run and keeps it in npm's cache.
const LIGHTHOUSE = 'lighthouse@12.8.2';
heading('Lighthouse (mobile preset)');
console.log('| page | performance | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- |');
/** Runs a command to its end without blocking this process, which serves the site. */
function runCommand(command: string, args: string[], env: Record<string, string>): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, ...env } });
		child.on('error', reject);
		child.on('exit', () => resolve());
	});
}

const lighthouseDir = mkdtempSync(path.join(tmpdir(), 'bench-lighthouse-'));
try {
	for (const pagePath of ['/', ...pages]) {
		// Asynchronously, since the site is served from this very process. The report goes to a
		// file: Chromium's helper processes outlive Lighthouse and would hold a stdout pipe open.
		const report = path.join(lighthouseDir, 'report.json');
		rmSync(report, { force: true });
		await runCommand(
			'npx',
			[
				'--yes',
				LIGHTHOUSE,
				site.url(pagePath),
				'--output=json',
				`--output-path=${report}`,
				'--quiet',
				'--only-categories=performance,accessibility,best-practices,seo',
				`--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
			],
			{ CHROME_PATH: getChromiumPath() }
		);
		if (!existsSync(report)) throw new Error(`Lighthouse wrote no report for ${pagePath}.`);
		const categories = (
			JSON.parse(readFileSync(report, 'utf8')) as {
				categories: Record<string, { score: number | null }>;
			}
		).categories;
		const score = (key: string) => String(Math.round((categories[key]?.score ?? 0) * 100));
		console.log(
			`| ${pagePath} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`
		);
	}
} finally {
	rmSync(lighthouseDir, { recursive: true, force: true });
	await site.close();
}
