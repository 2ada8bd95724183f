import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { afterAll, expect, test } from 'vitest';
import { VFile } from 'vfile';
import { CHROMIUM_ARGS, getChromiumPath } from '../../src/integrations/chromium.ts';
import {
	diagramBrowser,
	rehypeMermaidCached,
} from '../../src/integrations/rehype-mermaid-cached.ts';

const cacheDir = await mkdtemp(path.join(tmpdir(), 'diagram-cache-'));
/** Ends the "build": the next diagram to draw needs a browser of its own. */
const closeBrowser = async () => diagramBrowser().hooks['astro:build:done']?.({} as never);
afterAll(async () => {
	await closeBrowser();
	await rm(cacheDir, { recursive: true, force: true });
});

/** A page holding a ```mermaid fence for each diagram, as the Markdown processor hands it over. */
function pageWith(...diagrams: string[]): Root {
	return {
		type: 'root',
		children: diagrams.map((diagram) => ({
			type: 'element',
			tagName: 'pre',
			properties: {},
			children: [
				{
					type: 'element',
					tagName: 'code',
					properties: { className: ['language-mermaid'] },
					children: [{ type: 'text', value: diagram }],
				},
			],
		})),
	};
}

/** The page's diagrams, drawn. */
async function drawPage(diagrams: string[], executablePath: string): Promise<Element[]> {
	const tree = pageWith(...diagrams);
	await rehypeMermaidCached({ launchOptions: { executablePath, args: CHROMIUM_ARGS }, cacheDir })(
		tree,
		new VFile({ path: 'content/x.mdx' })
	);
	return tree.children as Element[];
}

async function draw(diagram: string, executablePath: string): Promise<Element> {
	return (await drawPage([diagram], executablePath))[0]!;
}

const DIAGRAM = 'flowchart LR\n  source --> sink\n';
const NO_BROWSER = '/nonexistent/chromium';

test('draws a diagram as an inline SVG with ids of its own, and keeps it in the cache', async () => {
	const svg = await draw(DIAGRAM, getChromiumPath());
	expect(svg.tagName).toBe('svg');
	expect(String(svg.properties.id)).toMatch(/^mermaid-[0-9a-f]{8}-0$/);
	expect(await readdir(cacheDir)).toHaveLength(1);
	await closeBrowser();
}, 60_000);

test('a rebuild takes an unchanged diagram from the cache, without a browser', async () => {
	const svg = await draw(DIAGRAM, NO_BROWSER);
	expect(svg.tagName).toBe('svg');
});

test('a changed diagram is drawn again, not taken from the cache', async () => {
	await expect(draw(`${DIAGRAM}  sink --> done\n`, NO_BROWSER)).rejects.toThrow();
	expect(await readdir(cacheDir)).toHaveLength(1);
});

test('a diagram that two pages of a build hold is drawn once, for both', async () => {
	const shared = 'flowchart LR\n  shared --> sink\n';
	// Drawn in a batch of its own, the shared diagram would get ids of its own batch.
	const [[, onFirst], [onSecond]] = await Promise.all([
		drawPage(['flowchart LR\n  first --> sink\n', shared], getChromiumPath()),
		drawPage([shared], getChromiumPath()),
	]);
	expect(onFirst!.tagName).toBe('svg');
	expect(onSecond!.properties.id).toBe(onFirst!.properties.id);
	expect(await readdir(cacheDir)).toHaveLength(3);
	await closeBrowser();
}, 60_000);
