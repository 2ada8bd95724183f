import type { Code, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { formatCodeFold, parseCodeFold } from '../lib/code-fold.ts';
import { findTranscriptDrift } from './transcript-drift.ts';
import { isSnippetElement, readSnippet } from '../snippets/read-snippet.ts';
import {
	isExerciseElement,
	isExerciseFence,
	isHint,
	readExercise,
	toHintElement,
} from '../snippets/read-exercise.ts';

function toAttributes(props: Record<string, string | undefined>): MdxJsxAttribute[] {
	return Object.entries(props)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([name, value]): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value }));
}

/**
 * An `<Exercise>`'s fences become props, as a snippet's do; its prose stays as
 * its children (the task), and its `<Hint>`s go to the component's `hints` slot.
 */
function prepareExercise(node: MdxJsxFlowElement, file: VFile, drift: Map<string, string>) {
	const exercise = readExercise(node, file.path ?? 'unknown file');
	node.attributes = toAttributes({
		id: exercise.id,
		title: exercise.title,
		level: exercise.level,
		python: exercise.python.starter,
		pythonSolution: exercise.python.solution,
		pythonOutput: exercise.python.output,
		typescript: exercise.typescript.starter,
		typescriptSolution: exercise.typescript.solution,
		typescriptOutput: exercise.typescript.output,
		drift: drift.get(exercise.id),
	});
	const hints = node.children.filter(isHint).map(toHintElement);
	node.children = node.children.filter((child) => !isExerciseFence(child) && !isHint(child));
	if (hints.length > 0)
		node.children.push({
			type: 'mdxJsxFlowElement',
			name: 'Fragment',
			attributes: toAttributes({ slot: 'hints' }),
			children: hints,
		});
}

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
	return async (tree: Root, file: VFile) => {
		// Only in `astro dev`: transcripts that no longer hold, shown on their snippets.
		const drift = await findTranscriptDrift(String(file.value), file.path ?? 'unknown file');
		visit(tree, 'mdxJsxFlowElement', (node) => {
			if (isExerciseElement(node)) {
				prepareExercise(node, file, drift);
				return 'skip';
			}
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
				drift: drift.get(snippet.id),
			};
			node.attributes = toAttributes(props);
			node.children = [];
			return 'skip';
		});
	};
}
