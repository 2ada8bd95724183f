/** No link or anchor in the built site points nowhere. Reads `dist/` directly; no server needed. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { expect, test } from 'vitest';

/** The site as built for the root of a domain, and as built for a sub-path (`npm test` builds both). */
const BUILDS = [
	{ dir: fileURLToPath(new URL('../../dist/', import.meta.url)), base: '/' },
	{ dir: fileURLToPath(new URL('../../dist-base/', import.meta.url)), base: '/coroutines/' },
];

function listHtmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html'))
		.map((file) => path.join(dir, file));
}

const documents = new Map<string, Root>();
function parse(file: string): Root {
	let tree = documents.get(file);
	if (!tree) {
		tree = fromHtml(readFileSync(file, 'utf8'));
		documents.set(file, tree);
	}
	return tree;
}

function idsOf(tree: Root): Set<string> {
	const ids = new Set<string>();
	visit(tree, 'element', (node: Element) => {
		if (typeof node.properties.id === 'string') ids.add(node.properties.id);
	});
	return ids;
}

/** The file a site path is served from, as a static host would pick it. */
function resolveToFile(dist: string, base: string, sitePath: string): string | undefined {
	if (!sitePath.startsWith(base)) return undefined;
	const candidate = path.join(dist, decodeURIComponent(sitePath.slice(base.length)));
	if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	const index = path.join(candidate, 'index.html');
	return existsSync(index) ? index : undefined;
}

test.each(BUILDS)(
	'every internal link and anchor resolves in the site built for $base',
	({ dir, base }) => {
		if (!existsSync(dir))
			throw new Error(`${dir} is missing: build the site with SITE_BASE=${base} first.`);
		const files = listHtmlFiles(dir);
		expect(files.length).toBeGreaterThan(2);
		const broken: string[] = [];
		let checked = 0;
		for (const file of files) {
			const pagePath = `${base}${path.relative(dir, file).split(path.sep).join('/')}`;
			visit(parse(file), 'element', (node: Element) => {
				const target = node.properties.href ?? node.properties.src;
				if (typeof target !== 'string' || /^(?:[a-z]+:|\/\/)/i.test(target)) return;
				checked += 1;
				const url = new URL(target, `http://site${pagePath}`);
				const targetFile = resolveToFile(dir, base, url.pathname);
				if (!targetFile) {
					broken.push(`${pagePath}: ${target} (no such file)`);
					return;
				}
				const fragment = decodeURIComponent(url.hash.slice(1));
				if (fragment && targetFile.endsWith('.html') && !idsOf(parse(targetFile)).has(fragment)) {
					broken.push(`${pagePath}: ${target} (no element with id "${fragment}")`);
				}
			});
		}
		expect(checked).toBeGreaterThan(10);
		expect(broken).toEqual([]);
	}
);
