/** No link or anchor in the built site points nowhere. Reads `dist/` directly; no server needed. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { expect, test } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

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
function resolveToFile(sitePath: string): string | undefined {
	const candidate = path.join(DIST, decodeURIComponent(sitePath));
	if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	const index = path.join(candidate, 'index.html');
	return existsSync(index) ? index : undefined;
}

test('every internal link and anchor in dist/ resolves', () => {
	const files = listHtmlFiles(DIST);
	expect(files.length).toBeGreaterThan(2);
	const broken: string[] = [];
	let checked = 0;
	for (const file of files) {
		const pagePath = `/${path.relative(DIST, file).split(path.sep).join('/')}`;
		visit(parse(file), 'element', (node: Element) => {
			const target = node.properties.href ?? node.properties.src;
			if (typeof target !== 'string' || /^(?:[a-z]+:|\/\/)/i.test(target)) return;
			checked += 1;
			const url = new URL(target, `http://site${pagePath}`);
			const targetFile = resolveToFile(url.pathname);
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
});
