import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isSnippetElement, readSnippet } from './read-snippet.ts';
import type { AuthoredSnippet } from './types.ts';

/** Every snippet of one chapter's MDX source, in the order the reader meets them. */
export function extractSnippets(mdxSource: string, file: string): AuthoredSnippet[] {
	const tree: Root = unified().use(remarkParse).use(remarkMdx).parse(mdxSource);
	const snippets: AuthoredSnippet[] = [];
	visit(tree, 'mdxJsxFlowElement', (node) => {
		if (!isSnippetElement(node)) return undefined;
		snippets.push(readSnippet(node, file));
		return 'skip';
	});
	return snippets;
}
