/** What a reader meets: the pages, their diagrams, search, themes, and the snippet manifest that tools read. */
import { existsSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { followNextLink } from '../../scripts/browser/follow-next-link.ts';
import { readExercises, readManifest } from '../../scripts/browser/serve-site.ts';
import { getChapterPath } from '../../src/lib/chapter-files.ts';
import { PYODIDE_FILES } from '../../src/shared/pyodide-files.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { runAndWait } from '../support/verdict.ts';

const CHAPTER = getChapterPath('coroutine-concept');
const site = useBuiltSite();

describe('what a static host serves', () => {
	const dist = new URL('../../dist/', import.meta.url);

	test("Pyodide's files that compress come with brotli and gzip copies of the same bytes", () => {
		for (const name of PYODIDE_FILES.filter((file) => !file.endsWith('.zip'))) {
			const original = readFileSync(new URL(`pyodide/${name}`, dist));
			const brotli = readFileSync(new URL(`pyodide/${name}.br`, dist));
			expect(brotliDecompressSync(brotli).equals(original), name).toBe(true);
			expect(gunzipSync(readFileSync(new URL(`pyodide/${name}.gz`, dist))).equals(original)).toBe(
				true
			);
			if (original.length > 100_000) expect(brotli.length).toBeLessThan(original.length / 2);
		}
		expect(existsSync(new URL('pyodide/python_stdlib.zip.br', dist))).toBe(false);
	});

	test('hashed assets are cached for good where the host reads _headers', () => {
		const headers = readFileSync(new URL('_headers', dist), 'utf8');
		expect(headers).toMatch(
			/^\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable$/m
		);
	});
});

describe('dist/snippets.json', () => {
	const snippets = readManifest();

	test('lists every snippet with the documented shape', () => {
		expect(snippets.length).toBeGreaterThan(0);
		for (const snippet of snippets) {
			expect(Object.keys(snippet).sort()).toEqual(['id', 'page', 'python', 'title', 'typescript']);
			expect(snippet.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
			expect(snippet.page).toMatch(/^\/chapters\/[a-z0-9-]+\/$/);
			expect(typeof snippet.title).toBe('string');
			expect(Object.keys(snippet.typescript).sort()).toEqual(['code', 'output']);
			if (snippet.python !== null)
				expect(Object.keys(snippet.python).sort()).toEqual(['code', 'output']);
		}
		expect(new Set(snippets.map((snippet) => snippet.id)).size).toBe(snippets.length);
	});

	test('points every snippet at a built page that shows it', () => {
		for (const snippet of snippets) {
			const html = readFileSync(
				new URL(`../../dist${snippet.page}index.html`, import.meta.url),
				'utf8'
			);
			expect(html).toContain(`data-snippet-id="${snippet.id}"`);
		}
	});
});

describe.each([...new Set(readManifest().map((snippet) => snippet.page))])(
	'%s with JavaScript off',
	(pagePath) => {
		test("shows every snippet's code and transcripts, and every diagram as SVG", async () => {
			const { page } = await site.newPage({ javaScriptEnabled: false });
			await page.goto(site.url(pagePath));
			for (const snippet of readManifest().filter((entry) => entry.page === pagePath)) {
				const root = page.locator(`[data-snippet-id="${snippet.id}"]`);
				expect(await root.locator('[data-code="typescript"]').textContent()).toBe(
					snippet.typescript.code
				);
				expect(await root.locator('[data-code="typescript"]').isVisible()).toBe(true);
				expect(await root.locator('[data-transcript-for~="typescript"]').textContent()).toBe(
					snippet.typescript.output
				);
				if (snippet.python) {
					expect(await root.locator('[data-code="python"]').textContent()).toBe(
						snippet.python.code
					);
					expect(await root.locator('[data-code="python"]').isVisible()).toBe(true);
					expect(await root.locator('[data-transcript-for~="python"]').textContent()).toBe(
						snippet.python.output
					);
				}
			}
			const chapterId = pagePath.split('/').at(-2)!;
			const source = readFileSync(
				new URL(`../../content/${chapterId}.mdx`, import.meta.url),
				'utf8'
			);
			const fences = source.match(/^```mermaid\b/gm)?.length ?? 0;
			expect(await page.locator('article svg[aria-roledescription]').count()).toBe(fences);
			expect(await page.locator('pre.mermaid, code.language-mermaid').count()).toBe(0);
		});
	}
);

describe('a chapter page', () => {
	test('has the site shell: header, sidebar with the current chapter, contents, and no console errors', async () => {
		const { page, errors } = await site.newPage();
		await page.goto(site.url(CHAPTER));
		await expect.poll(() => page.title()).toMatch(/^The coroutine concept · /);
		expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
		const current = page
			.getByRole('navigation', { name: 'Chapters', exact: true })
			.locator('[aria-current="page"]');
		expect(await current.textContent()).toContain('The coroutine concept');
		const toc = page.getByRole('navigation', { name: 'On this page' });
		expect(await toc.getByRole('link').allTextContents()).toContain('Generators give control back');
		expect(await page.locator('h2 .heading-anchor').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});

	test('shows both sequence diagrams as inline SVG', async () => {
		const { page } = await site.newPage();
		await page.goto(site.url(CHAPTER));
		const diagrams = page.locator('article svg[aria-roledescription="sequence"]');
		expect(await diagrams.count()).toBe(2);
		expect(await diagrams.first().textContent()).toContain('Other Function');
		expect(await diagrams.nth(1).textContent()).toContain('return/StopIteration');
		expect(await page.locator('pre.mermaid, code.language-mermaid').count()).toBe(0);
	});

	test('remembers the chosen language across snippets and pages', async () => {
		const { page } = await site.newPage();
		await page.goto(site.url(CHAPTER));
		const first = page.locator('[data-snippet-id]').first();
		await first.getByRole('tab', { name: 'TypeScript' }).click();
		const selected = page.locator('[role="tab"][aria-selected="true"]');
		expect(new Set(await selected.allTextContents())).toEqual(new Set(['TypeScript']));
		await page.reload();
		expect(
			new Set(await page.locator('[role="tab"][aria-selected="true"]').allTextContents())
		).toEqual(new Set(['TypeScript']));
		expect(await first.locator('.snippet-panel[data-lang="python"]').isHidden()).toBe(true);
	});

	test('fits a 360 px wide screen without sideways scrolling', async () => {
		const { page } = await site.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(site.url(CHAPTER));
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});

	test('on a 360 px screen, the chapters and "On this page" are in reach mid-page', async () => {
		const { page } = await site.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto(site.url(CHAPTER));
		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
		const menu = page.getByRole('button', { name: 'Menu' });
		expect(await menu.isVisible()).toBe(true);
		expect((await menu.boundingBox())!.y).toBeLessThan(100);
		await menu.click();
		const chapters = page.getByRole('navigation', { name: 'Chapters (menu)' });
		await chapters.getByRole('link', { name: /The coroutine concept/ }).waitFor();
		// A section of this page: the menu closes and the section is shown.
		const contents = page.getByRole('navigation', { name: 'On this page (menu)' });
		const section = contents.getByRole('link').nth(1);
		const target = (await section.getAttribute('href'))!;
		await section.click();
		await expect.poll(() => page.locator('#site-menu').isVisible()).toBe(false);
		await expect
			.poll(() => page.locator(target).evaluate((heading) => heading.getBoundingClientRect().top))
			.toBeLessThan(200);
		// Another chapter, from mid-page again.
		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
		await menu.click();
		await chapters.getByRole('link', { name: /Pausing a function with yield/ }).click();
		await expect.poll(() => page.title()).toMatch(/^Pausing a function with yield · /);
	});

	test("copies a snippet's code with its Copy button", async () => {
		const { page, context } = await site.newPage();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: site.url('/'),
		});
		await page.goto(site.url(CHAPTER));
		const snippet = page.locator('[data-snippet-id="function-calls-in-sequence"]');
		expect(await page.locator('main .copy-button').count()).toBe(0);
		// The buttons come with the reader's first move, here the click on the tab.
		await snippet.getByRole('tab', { name: 'Python' }).click();
		const codeBlock = snippet.locator('.code-block').first();
		await codeBlock.getByRole('button', { name: 'Copy code' }).click();
		// Screen readers hear the outcome, which the button's label alone would hide.
		await expect.poll(() => codeBlock.getByRole('status').textContent()).toBe('Copied');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(
			readManifest().find((entry) => entry.id === 'function-calls-in-sequence')?.python?.code
		);
	});

	test('runs a snippet and switches its tabs from the keyboard', async () => {
		const { page } = await site.newPage();
		await page.goto(site.url(CHAPTER));
		const first = page.locator('[data-snippet-id]').first();
		await first.getByRole('button', { name: 'Run TypeScript' }).focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(() => first.locator('[data-verdict="typescript"]').getAttribute('data-status'), {
				timeout: 15_000,
			})
			.toBe('pass');
		await first.getByRole('tab', { selected: true }).focus();
		await page.keyboard.press('ArrowRight');
		expect(await first.getByRole('tab', { selected: true }).textContent()).toBe('TypeScript');
	});
});

/**
 * Every chapter has the same furniture and the same snippet controls, so the
 * keyboard walk covers three: the first, the last, and the one with the most
 * snippets (a walk takes several seconds per page).
 */
function chaptersToWalk(): string[] {
	const counts = new Map<string, number>();
	for (const snippet of readManifest())
		counts.set(snippet.page, (counts.get(snippet.page) ?? 0) + 1);
	const chapters = [...counts.keys()];
	const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
	return [...new Set([chapters[0]!, busiest, chapters.at(-1)!])];
}

describe.each(chaptersToWalk())('%s by keyboard alone', (pagePath) => {
	test('Tab reaches search, every chapter in the sidebar and every Run button', async () => {
		const { page } = await site.newPage();
		await page.goto(site.url(pagePath));
		const expected = new Set([
			'search',
			...(await page
				.locator('nav.sidebar a')
				.evaluateAll((links) => links.map((link) => `chapter ${link.getAttribute('href')}`))),
			...[...readManifest(), ...readExercises()]
				.filter((runnable) => runnable.page === pagePath)
				.map((runnable) => `run ${runnable.id}`),
		]);
		// The page notes what each Tab reaches, so that the presses go in batches.
		await page.evaluate(() => {
			const reached = new Set<string>();
			(window as unknown as { reached: Set<string> }).reached = reached;
			document.addEventListener('focusin', (event) => {
				const active = event.target;
				if (!(active instanceof HTMLElement)) return;
				const root = active.closest<HTMLElement>('[data-snippet-id]');
				if (active.matches('site-search [data-open]')) reached.add('search');
				else if (active.matches('nav.sidebar a'))
					reached.add(`chapter ${active.getAttribute('href')}`);
				else if (active.matches('[data-run]') && root) reached.add(`run ${root.dataset.snippetId}`);
			});
		});
		const readReached = () =>
			page.evaluate(() => [...(window as unknown as { reached: Set<string> }).reached]);
		let reached = new Set<string>();
		for (let step = 0; step < 400 && reached.size < expected.size; step += 20) {
			for (let press = 0; press < 20; press += 1) await page.keyboard.press('Tab');
			reached = new Set(await readReached());
		}
		expect([...expected].filter((target) => !reached.has(target))).toEqual([]);
	});
});

describe('chapter order', () => {
	test("previous and next links follow the order of the landing page's chapters and appendix", async () => {
		const { page } = await site.newPage();
		await page.goto(site.url('/'));
		const order = await page
			.locator('.chapter-cards a')
			.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(order.length).toBeGreaterThan(0);
		// From the first chapter on, by the Next link, as a reader goes through the course.
		await page.goto(site.url(order[0]!));
		for (const [index, href] of order.entries()) {
			if (index > 0) await followNextLink(page);
			expect(new URL(page.url()).pathname).toBe(href);
			const pagination = page.getByRole('navigation', { name: 'Previous and next chapters' });
			const previous = pagination.locator('a[rel="prev"]');
			const next = pagination.locator('a[rel="next"]');
			expect((await previous.count()) ? await previous.getAttribute('href') : null).toBe(
				order[index - 1] ?? null
			);
			expect((await next.count()) ? await next.getAttribute('href') : null).toBe(
				order[index + 1] ?? null
			);
			const sidebar = page.getByRole('navigation', { name: 'Chapters', exact: true });
			expect(
				await sidebar
					.getByRole('link')
					.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
			).toEqual(order);
		}
	});
});

test('prose is set at a comfortable measure, while a snippet keeps the full column', async () => {
	const { page } = await site.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(site.url(CHAPTER));
	const measure = await page.evaluate(() => {
		const paragraph = document.querySelector<HTMLElement>('.content > p:not(.lead)')!;
		// Characters a line: the paragraph's width over the width of its font's average character.
		const probe = document.createElement('span');
		probe.textContent = 'the quick brown fox jumps over a lazy dog '.repeat(4);
		probe.style.whiteSpace = 'nowrap';
		paragraph.append(probe);
		const perCharacter = probe.getBoundingClientRect().width / probe.textContent.length;
		probe.remove();
		const snippet = document.querySelector<HTMLElement>('.content snippet-runner')!;
		return {
			characters: paragraph.getBoundingClientRect().width / perCharacter,
			snippet: snippet.getBoundingClientRect().width,
			column: document.querySelector<HTMLElement>('.content')!.getBoundingClientRect().width,
		};
	});
	expect(measure.characters).toBeGreaterThan(60);
	expect(measure.characters).toBeLessThanOrEqual(80);
	expect(measure.snippet).toBe(measure.column);
});

test.each(['light', 'dark'] as const)(
	'diagrams follow the %s theme, with text that reads on their canvas',
	async (theme) => {
		const { page } = await site.newPage();
		const colours: Record<string, { canvas: string; text: string; box: string }[]> = {};
		for (const chapter of ['coroutine-concept', 'pipelines']) {
			await page.goto(site.url(getChapterPath(chapter)));
			await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
			colours[chapter] = await page.locator('.content svg[id^="mermaid"]').evaluateAll((svgs) =>
				svgs.map((svg) => {
					const text = svg.querySelector('.messageText, .nodeLabel, .label text, span')!;
					const box = svg.querySelector('rect.actor, .node rect, .node polygon')!;
					const style = getComputedStyle(text);
					return {
						canvas: getComputedStyle(svg).backgroundColor,
						// SVG text is painted with fill; HTML labels (flowcharts) with color.
						text: text instanceof SVGElement ? style.fill : style.color,
						box: getComputedStyle(box).fill,
					};
				})
			);
		}
		const drawings = Object.values(colours).flat();
		expect(drawings.length).toBeGreaterThan(1);
		for (const { canvas, text, box } of drawings) {
			if (theme === 'dark') {
				expect(luminance(canvas)).toBeLessThan(0.05);
				expect(luminance(box)).toBeLessThan(0.1);
			} else expect(luminance(canvas)).toBeGreaterThan(0.9);
			expect(contrast(text, canvas)).toBeGreaterThanOrEqual(4.5);
			expect(contrast(text, box)).toBeGreaterThanOrEqual(4.5);
		}
	}
);

/** Relative luminance of a computed `rgb()`/`rgba()` colour, as WCAG defines it. */
function luminance(colour: string): number {
	const [r, g, b] = colour
		.match(/[\d.]+/g)!
		.slice(0, 3)
		.map((part) => {
			const channel = Number(part) / 255;
			return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
		});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light! + 0.05) / (dark! + 0.05);
}

test.each([
	['python', 'tabs'],
	['typescript', 'tabs'],
	['typescript', 'side-by-side'],
])(
	'a deep link lands without the page moving, with %s chosen as the snippet language, in %s',
	async (language, layout) => {
		const chapter = getChapterPath('yield-from');
		// A section far down the page, below many snippets whose tabs must not move it.
		const html = readFileSync(new URL(`../../dist${chapter}index.html`, import.meta.url), 'utf8');
		const section = [...html.matchAll(/<h2 id="([^"]+)"/g)].at(-2)![1];
		const { page, context } = await site.newPage({ viewport: { width: 1440, height: 900 } });
		await context.addInitScript(
			([chosen, arranged]) => {
				localStorage.setItem('snippet-language', chosen!);
				if (arranged === 'side-by-side') localStorage.setItem('snippet-layout', arranged);
			},
			[language, layout]
		);
		await page.addInitScript(() => {
			const total = window as unknown as { layoutShift: number };
			total.layoutShift = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[])
					if (!entry.hadRecentInput) total.layoutShift += entry.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(site.url(`${chapter}#${section}`), { waitUntil: 'networkidle' });
		// Every snippet set up, and two frames drawn since: any shift is reported by then.
		await expect.poll(() => page.locator('snippet-runner [data-run][disabled]').count()).toBe(0);
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		const shift = await page.evaluate(
			() => (window as unknown as { layoutShift: number }).layoutShift
		);
		expect(shift).toBeLessThanOrEqual(0.02);
		// The chosen language is the one shown, or both are, side by side.
		const shown = await page
			.locator('snippet-runner .snippet-panel:visible')
			.evaluateAll((panels) => [
				...new Set(panels.map((panel) => panel.getAttribute('data-lang'))),
			]);
		expect(shown.sort()).toEqual(layout === 'tabs' ? [language] : ['python', 'typescript']);
	}
);

describe('side by side', () => {
	test('shows both languages in two columns on a wide screen, remembered across pages', async () => {
		const { page } = await site.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url(CHAPTER));
		const first = page.locator('[data-snippet-id]').first();
		const panels = first.locator('.snippet-panel');
		expect(await panels.filter({ visible: true }).count()).toBe(1);
		const toggle = first.getByRole('button', { name: 'Side by side' });
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		const columns = async (root: typeof first) => {
			const boxes = await root
				.locator('.snippet-panel')
				.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()));
			return (
				boxes.length === 2 && boxes[0]!.right <= boxes[1]!.left && boxes[0]!.top === boxes[1]!.top
			);
		};
		expect(await columns(first)).toBe(true);
		// Every snippet follows, and the next page, by a link as by a fresh load.
		expect(await columns(page.locator('[data-snippet-id]').nth(1))).toBe(true);
		await page.locator('nav.sidebar a[href$="/pausing-with-yield/"]').click();
		await page.waitForURL(/pausing-with-yield/);
		expect(await columns(page.locator('[data-snippet-id]').first())).toBe(true);
		await page.reload();
		expect(await columns(page.locator('[data-snippet-id]').first())).toBe(true);
		// On a narrow screen, tabs: one language at a time.
		await page.setViewportSize({ width: 700, height: 900 });
		const narrow = page.locator('[data-snippet-id]').first();
		expect(await narrow.locator('.snippet-panel').filter({ visible: true }).count()).toBe(1);
		expect(await narrow.getByRole('tab', { name: 'TypeScript' }).isVisible()).toBe(true);
	});
});

test('"On this page" marks the section being read', async () => {
	const { page } = await site.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(site.url(CHAPTER));
	const toc = page.locator('.page-toc');
	const links = toc.getByRole('link');
	const target = (await links.nth(2).getAttribute('href'))!;
	await links.nth(2).click();
	await expect
		.poll(() => toc.locator('[aria-current="location"]').getAttribute('href'))
		.toBe(target);
	await page.evaluate(() => scrollTo(0, 0));
	await expect.poll(() => toc.locator('[aria-current="location"]').count()).toBe(0);
});

describe('search', () => {
	async function search(query: string) {
		const { page, errors } = await site.newPage();
		await page.goto(site.url('/'));
		await page.keyboard.press('/');
		await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).fill(query);
		const results = page.locator('.pagefind-ui__result');
		await results.first().waitFor({ timeout: 15_000 });
		return { page, errors, results };
	}

	test('opens with / and finds the chapter by a name that appears only in its TypeScript code', async () => {
		const { page, errors, results } = await search('otherFunction');
		const link = results.first().locator('.pagefind-ui__result-link').first();
		expect(await link.getAttribute('href')).toContain(CHAPTER);
		await link.click();
		await page.waitForURL(new RegExp(CHAPTER));
		expect(errors).toEqual([]);
	});

	test('names sections by their headings alone, with no anchor mark', async () => {
		const { results } = await search('StopIteration');
		const titles = () => results.locator('.pagefind-ui__result-link').allTextContents();
		// Section links arrive as Pagefind's data does.
		await expect.poll(async () => (await titles()).length, { timeout: 10_000 }).toBeGreaterThan(3);
		expect((await titles()).filter((title) => title.includes('#'))).toEqual([]);
	});

	test('links results to the section that holds the words', async () => {
		const { results } = await search('StopIteration');
		// Pagefind fills in each result's section links as its data arrives, so wait for them.
		const sectionLinks = () =>
			results
				.locator('a.pagefind-ui__result-link')
				.evaluateAll((anchors) =>
					anchors
						.map((anchor) => anchor.getAttribute('href') ?? '')
						.filter((href) => /^\/chapters\/[a-z0-9-]+\/#[a-z0-9-]+$/.test(href))
				);
		await expect
			.poll(async () => (await sectionLinks()).length, { timeout: 10_000 })
			.toBeGreaterThan(0);
	});

	test('finds each concept in the chapter that teaches it', async () => {
		const concepts: [string, string][] = [
			['priming', getChapterPath('priming-decorator')],
			['sentinel', getChapterPath('termination')],
			['subgenerator', getChapterPath('yield-from')],
			['getgeneratorstate', getChapterPath('generator-states')],
			['GEN_SUSPENDED', getChapterPath('generator-states')],
			// StopIteration is in most chapters; the first meets it beside iter and next.
			['iter', getChapterPath('iteration-protocol')],
			['yield from', getChapterPath('yield-from')],
			['GeneratorExit', getChapterPath('throw-and-close')],
			['scheduler', getChapterPath('scheduling')],
			['broadcast', getChapterPath('broadcast-and-push-parsers')],
			['push parser', getChapterPath('broadcast-and-push-parsers')],
			['trampoline', getChapterPath('scheduler-system-calls')],
			['system call', getChapterPath('scheduler-system-calls')],
			['taxi', getChapterPath('discrete-event-simulation')],
			['discrete-event', getChapterPath('discrete-event-simulation')],
			['__awaiter', getChapterPath('from-generators-to-async-await')],
			['async def', getChapterPath('from-generators-to-async-await')],
		];
		const { page } = await search(concepts[0]![0]);
		const input = page.getByRole('dialog').getByRole('textbox', { name: 'Search' });
		const pages = () =>
			page
				.locator('.pagefind-ui__result a.pagefind-ui__result-link')
				.evaluateAll((links) =>
					links.map((link) => new URL(link.getAttribute('href') ?? '', 'http://site').pathname)
				);
		for (const [query, chapter] of concepts) {
			await input.fill(query);
			// The results of this query, not of the last: Pagefind's message names the query.
			await expect
				.poll(() => page.locator('.pagefind-ui__message').textContent(), { timeout: 10_000 })
				.toContain(query);
			await expect.poll(pages, { timeout: 10_000, message: query }).toContain(chapter);
		}
	});

	test('finds an exercise by the words of its task', async () => {
		const pages = async (query: string) => {
			const { results } = await search(query);
			return results
				.locator('a.pagefind-ui__result-link')
				.evaluateAll((links) =>
					links.map((link) => new URL(link.getAttribute('href') ?? '', 'http://site').pathname)
				);
		};
		// "honour" is in the scheduling exercise's task, and nowhere else in the course.
		await expect
			.poll(() => pages('honour'), { timeout: 10_000 })
			.toContain(getChapterPath('scheduling'));
	});

	test("keeps exercises' hints and solutions out of the index", () => {
		const html = readFileSync(
			new URL(`../../dist${getChapterPath('sending-values')}index.html`, import.meta.url),
			'utf8'
		);
		const kept = [...html.matchAll(/<details class="(hint|exercise-solution)[^"]*"([^>]*)>/g)];
		expect(kept.length).toBeGreaterThan(2);
		for (const [element, , attributes] of kept)
			expect(attributes, element).toContain('data-pagefind-ignore');
	});

	test('leaves the page furniture out of the index', async () => {
		const { page } = await search('StopIteration');
		await page.getByRole('dialog').getByRole('textbox', { name: 'Search' }).fill('Skip to content');
		await page.waitForTimeout(1000);
		const excerpts = await page.locator('.pagefind-ui__result-excerpt').allTextContents();
		expect(excerpts.filter((excerpt) => /skip to content/i.test(excerpt))).toEqual([]);
	});

	test('opens with Ctrl+K and from the header button, and closes with Escape', async () => {
		const { page } = await site.newPage();
		await page.goto(site.url(CHAPTER));
		await page.keyboard.press('Control+k');
		expect(await page.getByRole('dialog').isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await page.getByRole('dialog').isVisible()).toBe(false);
		await page.getByRole('button', { name: 'Search' }).click();
		expect(await page.getByRole('dialog').isVisible()).toBe(true);
	});
});

describe('themes', () => {
	const background = (page: import('playwright-core').Page) =>
		page.evaluate(() => getComputedStyle(document.body).backgroundColor);

	test('follow the OS, switch on request, and remember the choice', async () => {
		const { page } = await site.newPage({ colorScheme: 'light' });
		await page.goto(site.url(CHAPTER));
		const light = await background(page);
		await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		const dark = await background(page);
		expect(dark).not.toBe(light);
		await page.goto(site.url('/'));
		expect(await background(page)).toBe(dark);

		const { page: osDark } = await site.newPage({ colorScheme: 'dark' });
		await osDark.goto(site.url(CHAPTER));
		expect(await background(osDark)).toBe(dark);
	});
});

describe('other pages', () => {
	test('the landing page says what the site teaches and links the chapters', async () => {
		const { page, errors } = await site.newPage();
		await page.goto(site.url('/'));
		expect(await page.locator('main').textContent()).toMatch(/yield/);
		expect(
			await page
				.locator('main')
				.getByRole('link', { name: 'The coroutine concept', exact: true })
				.getAttribute('href')
		).toBe(CHAPTER);
		expect(errors).toEqual([]);
	});

	test('the landing page lists the chapters once, and its example runs from above the fold', async () => {
		const { page } = await site.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(site.url('/'));
		expect(await page.getByRole('link', { name: 'The coroutine concept' }).count()).toBe(1);
		const example = page.locator('main snippet-runner');
		for (const language of ['python', 'typescript'] as const) {
			const run = example.locator(`[data-run="${language}"]`);
			const box = (await run.boundingBox())!;
			expect(box.y + box.height).toBeLessThanOrEqual(900);
			expect((await runAndWait(example, language, 60_000)).status).toBe('pass');
		}
	});

	test('an unknown address shows the 404 page', async () => {
		const { page } = await site.newPage();
		const response = await page.goto(site.url('/no/such/page/'));
		expect(response?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
	});
});

describe('a helper shown earlier in the chapter', () => {
	test.each([
		['with JavaScript', true],
		['without JavaScript', false],
	])('is folded until the reader shows it, %s', async (_name, javaScriptEnabled) => {
		const { page } = await site.newPage({ javaScriptEnabled });
		await page.goto(site.url(getChapterPath('scheduling')));
		const root = page.locator('[data-snippet-id="cooperative-task-keeps-control"]');
		if (javaScriptEnabled) await root.getByRole('tab', { name: 'Python' }).click();
		const panel = root.locator('.snippet-panel[data-lang="python"]');
		const helperLine = panel.locator('.line', { hasText: 'def run(tasks):' });
		expect(await helperLine.isVisible()).toBe(false);
		expect(await panel.locator('.line', { hasText: 'def greedy(name):' }).isVisible()).toBe(true);
		await panel
			.getByText('Show lines 17–27: run(tasks), the round-robin scheduler from above')
			.click();
		expect(await helperLine.isVisible()).toBe(true);
		// Folding hides lines from view only: the code that runs and copies is whole.
		const documented = readManifest().find(
			(snippet) => snippet.id === 'cooperative-task-keeps-control'
		)?.python?.code;
		expect(await root.locator('[data-code="python"]').textContent()).toBe(documented);
	});
});

test('diagram labels keep the case and spacing they are written in, as Mermaid measured them', async () => {
	const { page } = await site.newPage();
	await page.goto(site.url(getChapterPath('throw-and-close')));
	const label = page.locator('svg[aria-roledescription="stateDiagram"] .edgeLabel p').first();
	expect(await label.textContent()).toBe('gen = coro()');
	const style = await label.evaluate((element) => {
		const { textTransform, letterSpacing } = getComputedStyle(element);
		return { textTransform, letterSpacing };
	});
	expect(style).toEqual({ textTransform: 'none', letterSpacing: 'normal' });
});
