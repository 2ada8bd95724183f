import { codeToHtml } from 'shiki';
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { visit } from 'unist-util-visit';
import { foldLines, parseCodeFold } from '../../src/lib/code-fold.ts';

const code = ['def helper():', '    return 1', '', 'print(helper())'].join('\n');

describe('parseCodeFold', () => {
	test('reads the range and the label from the fence meta', () => {
		expect(parseCodeFold('fold="1-2 the helper, as above"', code, 'x.mdx:1')).toEqual({
			from: 1,
			to: 2,
			label: 'the helper, as above',
		});
	});

	test('names the lines when the fence gives no label', () => {
		expect(parseCodeFold('fold="1-3"', code, 'x.mdx:1')?.label).toBe('lines 1–3');
	});

	test('folds nothing without a fold', () => {
		expect(parseCodeFold(undefined, code, 'x.mdx:1')).toBeUndefined();
		expect(parseCodeFold('title="x"', code, 'x.mdx:1')).toBeUndefined();
	});

	test.each(['0-2', '3-2', '1-5'])('rejects the range %s, naming the fence', (range) => {
		expect(() => parseCodeFold(`fold="${range}"`, code, 'content/a.mdx:7')).toThrow(
			/^content\/a\.mdx:7: fold=".*" must be a range of the code's 4 lines\.$/
		);
	});
});

function textOf(node: Nodes): string {
	let text = '';
	visit(node, 'text', (child) => {
		text += child.value;
	});
	return text;
}

function elements(tree: Nodes, test: (element: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (element) => {
		if (test(element)) found.push(element);
	});
	return found;
}

const classes = (element: Element) => element.properties.className ?? [];

describe('foldLines', () => {
	test('marks the folded lines and keeps the code text exactly', async () => {
		const html = await codeToHtml(code, {
			lang: 'python',
			theme: 'github-light',
			transformers: [foldLines({ from: 1, to: 2, label: 'the helper' })],
		});
		const tree = fromHtml(html, { fragment: true });
		expect(textOf(elements(tree, (element) => element.tagName === 'code')[0]!)).toBe(code);
		const lines = elements(tree, (element) => classes(element).includes('line'));
		expect(lines.map((line) => classes(line).includes('folded'))).toEqual([
			true,
			true,
			false,
			false,
		]);
		// A hidden line takes its newline with it, so no empty row is left behind.
		expect(textOf(lines[0]!)).toBe('def helper():\n');
		expect(textOf(lines[2]!)).toBe('');
	});
});
