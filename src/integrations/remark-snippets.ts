import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isSnippetElement, readSnippet } from '../snippets/read-snippet.ts';

/**
 * Turns each `<Snippet>`'s fenced code blocks into plain string props of the
 * `Snippet` component, which highlights and lays them out itself.
 *
 * This has to run at the remark stage: later, Shiki would already have turned the
 * fences into highlighted HTML, and the source text the runner needs would be gone.
 */
export function remarkSnippets() {
	return (tree: Root, file: VFile) => {
		visit(tree, 'mdxJsxFlowElement', (node) => {
			if (!isSnippetElement(node)) return undefined;
			const snippet = readSnippet(node, file.path ?? 'unknown file');
			const props: Record<string, string | undefined> = {
				id: snippet.id,
				title: snippet.title,
				typescript: snippet.typescript.code,
				typescriptOutput: snippet.typescript.output,
				python: snippet.python?.code,
				pythonOutput: snippet.python?.output,
			};
			node.attributes = Object.entries(props)
				.filter((entry): entry is [string, string] => entry[1] !== undefined)
				.map(([name, value]): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value }));
			node.children = [];
			return 'skip';
		});
	};
}
