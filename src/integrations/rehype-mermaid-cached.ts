/**
 * Draws each ```mermaid fence as an inline SVG at build time, as rehype-mermaid's
 * `inline-svg` strategy does, with two changes that make builds scale:
 *
 * - Every diagram is cached by a hash of its source, the render options and the
 *   versions of Mermaid and its renderer, in `node_modules/.cache/` as Astro and
 *   Vite cache their work. A rebuild renders only the diagrams that changed.
 * - All diagrams of a build are drawn in one Chromium, launched on the first miss
 *   and closed when the build ends (`diagramBrowser`), instead of a browser
 *   for every batch of pages rendered at the same time.
 *
 * Each diagram gets ids of its own (`mermaid-<hash>-0`): cached diagrams are drawn
 * in different batches, and Mermaid scopes each SVG's styles by its id, so ids
 * counted per batch would collide on a page.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { createMermaidRenderer } from 'mermaid-isomorphic';
import type { Browser, BrowserType, LaunchOptions } from 'playwright';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export const DIAGRAM_CACHE_DIR = path.resolve('node_modules/.cache/mermaid-diagrams');

/** The version of an installed package, found from its entry point: neither package exports its package.json. */
function versionOf(name: string): string {
	let dir = path.dirname(fileURLToPath(import.meta.resolve(name)));
	for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (!existsSync(manifest)) continue;
		const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
			name?: string;
			version: string;
		};
		if (found === name) return version;
	}
	throw new Error(`No package.json found for ${name}`);
}
/** What a cached drawing depends on besides its source. */
const RENDERER = `mermaid ${versionOf('mermaid')}, mermaid-isomorphic ${versionOf('mermaid-isomorphic')}`;

export interface MermaidOptions {
	launchOptions: LaunchOptions;
	/** Where drawings are kept between builds. */
	cacheDir?: string;
}

/** The build's one browser, shared by every render; mermaid-isomorphic's own `close()` leaves it open. */
let browser: Promise<Browser> | undefined;

function sharedBrowserType(launchOptions: LaunchOptions): BrowserType {
	const launch = async () => {
		// A launch that failed is forgotten, so that the next diagram tries again.
		browser ??= import('playwright')
			.then(({ chromium }) => chromium.launch(launchOptions))
			.catch((error: unknown) => {
				browser = undefined;
				throw error;
			});
		const shared = await browser;
		return { newContext: shared.newContext.bind(shared), close: async () => {} };
	};
	return { launch } as unknown as BrowserType;
}

/** Closes the browser diagrams were drawn in, if any were, when the build or dev server ends. */
export function diagramBrowser(): AstroIntegration {
	const close = async () => {
		const open = browser;
		browser = undefined;
		await (await open?.catch(() => undefined))?.close();
	};
	return {
		name: 'diagram-browser',
		hooks: { 'astro:build:done': close, 'astro:server:done': close },
	};
}

/** The fence's code element when `node` is a `<pre>` holding only a mermaid diagram. */
function mermaidCode(node: Element): Element | undefined {
	if (node.tagName !== 'pre') return undefined;
	const elements = node.children.filter((child) => child.type === 'element');
	const [code] = elements;
	const classes = code?.properties.className;
	return elements.length === 1 && Array.isArray(classes) && classes.includes('language-mermaid')
		? code
		: undefined;
}

function textOf(node: Element): string {
	return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

async function readCached(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch {
		return undefined;
	}
}

/** Written under a temporary name first, so that a build stopped halfway leaves no half a drawing. */
async function writeCached(file: string, svg: string) {
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, svg);
	await rename(temporary, file);
}

function hashOf(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

interface Diagram {
	source: string;
	node: Element;
	cacheFile: string;
	svg?: string;
}

/**
 * Drawings under way, by cache file: a diagram that several pages of one build
 * hold (a chapter's copy, a shared figure) is drawn once, by the first page
 * that asks, and the others wait for it.
 */
const drawing = new Map<string, Promise<string>>();

export function rehypeMermaidCached({
	launchOptions,
	cacheDir = DIAGRAM_CACHE_DIR,
}: MermaidOptions) {
	// Loaded on the first diagram the cache lacks: a build that finds them all never loads a browser.
	let render: Promise<ReturnType<typeof createMermaidRenderer>> | undefined;
	const renderer = () =>
		(render ??= import('mermaid-isomorphic').then(({ createMermaidRenderer }) =>
			createMermaidRenderer({ browserType: sharedBrowserType(launchOptions) })
		));

	/** Draws the given diagrams in one batch, caches each, and resolves to the drawings in order. */
	async function drawBatch(sources: string[], cacheFiles: string[]): Promise<string[]> {
		// Ids `mermaid-<batch>-<n>`: unique on a page whatever batches its diagrams came from.
		const results = await (
			await renderer()
		)(sources, { prefix: `mermaid-${hashOf(sources.join('\n')).slice(0, 8)}` });
		return Promise.all(
			results.map(async (result, index) => {
				if (result.status !== 'fulfilled') throw result.reason;
				await writeCached(cacheFiles[index]!, result.value.svg);
				return result.value.svg;
			})
		);
	}

	/** Draws the diagrams the cache lacks, a page's own in one batch, and caches them. */
	async function drawMissing(missing: Diagram[], file: VFile) {
		const mine = missing.filter((diagram) => !drawing.has(diagram.cacheFile));
		const batch = mine.length
			? drawBatch(
					mine.map((diagram) => diagram.source),
					mine.map((diagram) => diagram.cacheFile)
				)
			: Promise.resolve([]);
		mine.forEach((diagram, index) => {
			const drawn = batch.then((svgs) => svgs[index]!);
			drawn.catch(() => drawing.delete(diagram.cacheFile));
			drawing.set(diagram.cacheFile, drawn);
		});
		await Promise.all(
			missing.map(async (diagram) => {
				try {
					diagram.svg = await drawing.get(diagram.cacheFile);
				} catch (error) {
					file.fail(`This diagram could not be drawn: ${String(error)}`, diagram.node);
				}
			})
		);
	}

	return async (tree: Root, file: VFile) => {
		const diagrams: (Diagram & { parent: { children: ElementContent[] }; index: number })[] = [];
		visit(tree, 'element', (node, index, parent) => {
			const code = mermaidCode(node);
			if (!code || !parent || index === undefined) return;
			const source = textOf(code);
			const cacheFile = path.join(cacheDir, `${hashOf(`${RENDERER}\n${source}`)}.svg`);
			diagrams.push({ source, node, cacheFile, parent: parent as Element, index });
		});
		await Promise.all(
			diagrams.map(async (diagram) => {
				diagram.svg = await readCached(diagram.cacheFile);
			})
		);
		await drawMissing(
			diagrams.filter((diagram) => diagram.svg === undefined),
			file
		);
		for (const { parent, index, svg } of diagrams)
			parent.children[index] = fromHtml(svg!, { fragment: true }).children[0] as ElementContent;
	};
}
