import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { remarkSnippets } from '../../src/integrations/remark-snippets.ts';

async function transform(source: string): Promise<Root> {
	const processor = unified().use(remarkParse).use(remarkMdx).use(remarkSnippets);
	return (await processor.run(
		processor.parse(source),
		new VFile({ path: 'content/x.mdx', value: source })
	)) as Root;
}

function propsOf(node: MdxJsxFlowElement) {
	return Object.fromEntries(
		node.attributes.map((attribute) => [
			(attribute as MdxJsxAttribute).name,
			(attribute as MdxJsxAttribute).value,
		])
	);
}

test('turns the fences of a <Snippet> into props of the component, leaving no children to render', async () => {
	const tree = await transform(
		[
			'<Snippet id="s" title="T">',
			'```python',
			'print(1)',
			'```',
			'```ts',
			'console.log(1);',
			'```',
			'```output',
			'1',
			'```',
			'</Snippet>',
		].join('\n')
	);
	const [node] = tree.children as MdxJsxFlowElement[];
	expect(node?.children).toEqual([]);
	expect(propsOf(node!)).toEqual({
		id: 's',
		title: 'T',
		python: 'print(1)',
		pythonOutput: '1',
		typescript: 'console.log(1);',
		typescriptOutput: '1',
	});
});

test('leaves out the Python props of a TypeScript-only snippet', async () => {
	const tree = await transform(
		['<Snippet id="s" title="T">', '```ts', 'x', '```', '```output', '', '```', '</Snippet>'].join(
			'\n'
		)
	);
	expect(Object.keys(propsOf(tree.children[0] as MdxJsxFlowElement))).toEqual([
		'id',
		'title',
		'typescript',
		'typescriptOutput',
	]);
});

test('fails the build with the file name when a snippet is malformed', async () => {
	await expect(
		transform('<Snippet id="s" title="T">\n```python\nx\n```\n</Snippet>')
	).rejects.toThrow(/^content\/x\.mdx:1: .*TypeScript fence/);
});
