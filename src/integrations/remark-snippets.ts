import type { Code, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { formatCodeFold, parseCodeFold } from '../lib/code-fold.ts';
import { isSnippetElement, readSnippet } from '../snippets/read-snippet.ts';

/** A code fence's meta may fold lines (see `lib/code-fold.ts`); the fold travels as a prop. */
function readFoldProp(
	node: MdxJsxFlowElement,
	langs: string[],
	code: string | undefined,
	where: string
) {
	const fence = node.children.find(
		(child): child is Code => child.type === 'code' && langs.includes(child.lang ?? '')
	);
	const fold = code === undefined ? undefined : parseCodeFold(fence?.meta, code, where);
	return fold && formatCodeFold(fold);
}

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
			const where = `${file.path ?? 'unknown file'}:${node.position?.start.line ?? '?'}`;
			const props: Record<string, string | undefined> = {
				id: snippet.id,
				title: snippet.title,
				typescript: snippet.typescript.code,
				typescriptOutput: snippet.typescript.output,
				python: snippet.python?.code,
				pythonOutput: snippet.python?.output,
				pythonFold: readFoldProp(node, ['python', 'py'], snippet.python?.code, where),
				typescriptFold: readFoldProp(node, ['ts', 'typescript'], snippet.typescript.code, where),
			};
			node.attributes = Object.entries(props)
				.filter((entry): entry is [string, string] => entry[1] !== undefined)
				.map(([name, value]): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value }));
			node.children = [];
			return 'skip';
		});
	};
}
