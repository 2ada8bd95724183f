import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isSnippetElement, readSnippet } from './read-snippet.ts';
import { isExerciseElement, readExercise } from './read-exercise.ts';
import type { AuthoredExercise } from '../shared/exercise.ts';
import type { AuthoredSnippet } from '../shared/snippet.ts';

/**
 * Chapters parsed so far, by their source. A build reads each chapter's snippets,
 * exercises and diagrams, and parsing MDX is the slow part.
 */
const parsedChapters = new Map<string, Root>();

function parseMdx(mdxSource: string): Root {
	let tree = parsedChapters.get(mdxSource);
	if (!tree) {
		tree = unified().use(remarkParse).use(remarkMdx).parse(mdxSource);
		// Sources edited while the dev server runs: only the latest few versions are kept.
		if (parsedChapters.size >= 64) parsedChapters.delete(parsedChapters.keys().next().value!);
		parsedChapters.set(mdxSource, tree);
	}
	return tree;
}

/** Every element of one chapter's MDX source that `isElement` picks, read by `read`, in page order. */
function extractElements<T>(
	mdxSource: string,
	file: string,
	isElement: (node: MdxJsxFlowElement) => boolean,
	read: (node: MdxJsxFlowElement, file: string) => T
): T[] {
	const tree = parseMdx(mdxSource);
	const found: T[] = [];
	visit(tree, 'mdxJsxFlowElement', (node) => {
		if (!isElement(node)) return undefined;
		found.push(read(node, file));
		return 'skip';
	});
	return found;
}

/** Every snippet of one chapter's MDX source, in the order the reader meets them. */
export function extractSnippets(mdxSource: string, file: string): AuthoredSnippet[] {
	return extractElements(mdxSource, file, isSnippetElement, readSnippet);
}

/** Every exercise of one chapter's MDX source, in the order the reader meets them. */
export function extractExercises(mdxSource: string, file: string): AuthoredExercise[] {
	return extractElements(mdxSource, file, isExerciseElement, readExercise);
}

/** A Mermaid diagram that says which snippet's run it draws (```mermaid snippet=ID). */
export interface DocumentedDiagram {
	snippetId: string;
	source: string;
	/** Where the diagram is, for error messages: `file:line`. */
	where: string;
}

export function extractDocumentedDiagrams(mdxSource: string, file: string): DocumentedDiagram[] {
	const tree = parseMdx(mdxSource);
	const diagrams: DocumentedDiagram[] = [];
	visit(tree, 'code', (node) => {
		const snippetId =
			node.lang === 'mermaid'
				? /(?:^|\s)snippet=([a-z0-9-]+)/.exec(node.meta ?? '')?.[1]
				: undefined;
		if (snippetId)
			diagrams.push({
				snippetId,
				source: node.value,
				where: `${file}:${node.position?.start.line ?? '?'}`,
			});
	});
	return diagrams;
}

/**
 * Sequence diagrams that neither name the snippet whose run they draw nor say they
 * are a sketch (```mermaid sketch): each is a claim about a run that nothing checks.
 */
export function findUncheckedSequenceDiagrams(mdxSource: string, file: string): string[] {
	const tree = parseMdx(mdxSource);
	const unchecked: string[] = [];
	visit(tree, 'code', (node) => {
		const meta = node.meta ?? '';
		if (
			node.lang === 'mermaid' &&
			/^\s*sequenceDiagram\b/.test(node.value) &&
			!/(?:^|\s)(?:snippet=|sketch(?:\s|$))/.test(meta)
		)
			unchecked.push(`${file}:${node.position?.start.line ?? '?'}`);
	});
	return unchecked;
}
