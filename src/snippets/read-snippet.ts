import type { Code, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { AuthoredSnippet } from '../shared/snippet.ts';

/**
 * Reads a `<Snippet>` element of a chapter into a snippet.
 *
 * A chapter writes a snippet as fenced code blocks inside the element:
 *
 *     <Snippet id="send-values" title="Sending values in">
 *     ```python
 *     …
 *     ```
 *     ```ts
 *     …
 *     ```
 *     ```output
 *     …
 *     ```
 *     </Snippet>
 *
 * One `output` fence when both languages print the same; `output-python` and
 * `output-ts` when they really differ. The Python fence may be left out for a
 * TypeScript-only example. This module is the single reader of that form: the
 * build, the manifest and the tests all go through it.
 */

export const SNIPPET_ELEMENT = 'Snippet';

/** Which fence languages fill which part of a snippet. */
const FENCE_ROLES = {
	python: 'python',
	py: 'python',
	ts: 'typescript',
	typescript: 'typescript',
	output: 'output',
	'output-python': 'pythonOutput',
	'output-py': 'pythonOutput',
	'output-ts': 'typescriptOutput',
	'output-typescript': 'typescriptOutput',
} as const;

type FenceRole = (typeof FENCE_ROLES)[keyof typeof FENCE_ROLES];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class SnippetSyntaxError extends Error {
	override name = 'SnippetSyntaxError';
}

export function isSnippetElement(node: RootContent): node is MdxJsxFlowElement {
	return node.type === 'mdxJsxFlowElement' && node.name === SNIPPET_ELEMENT;
}

export function readStringAttribute(node: MdxJsxFlowElement, name: string): string | undefined {
	const attribute = node.attributes.find(
		(candidate): candidate is MdxJsxAttribute =>
			candidate.type === 'mdxJsxAttribute' && candidate.name === name
	);
	return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

export function readSnippet(node: MdxJsxFlowElement, file: string): AuthoredSnippet {
	const where = `${file}:${node.position?.start.line ?? '?'}`;
	const fail = (message: string): never => {
		throw new SnippetSyntaxError(`${where}: ${message}`);
	};

	const id =
		readStringAttribute(node, 'id') ?? fail(`<${SNIPPET_ELEMENT}> needs an id="…" attribute.`);
	if (!ID_PATTERN.test(id))
		fail(`snippet id "${id}" must be lower-case words joined by hyphens (URL-safe).`);
	const title =
		readStringAttribute(node, 'title') ?? fail(`snippet "${id}" needs a title="…" attribute.`);

	const parts: Partial<Record<FenceRole, string>> = {};
	for (const child of node.children) {
		if (child.type !== 'code') {
			fail(`snippet "${id}" may only contain fenced code blocks; found ${child.type}.`);
		}
		const fence = child as Code;
		const role = FENCE_ROLES[(fence.lang ?? '') as keyof typeof FENCE_ROLES];
		if (!role) {
			fail(
				`snippet "${id}" has a fence of unknown language "${fence.lang ?? ''}"; use ${Object.keys(FENCE_ROLES).join(', ')}.`
			);
		}
		if (parts[role] !== undefined) fail(`snippet "${id}" has two ${fence.lang} fences.`);
		parts[role] = fence.value;
	}

	const typescriptCode =
		parts.typescript ?? fail(`snippet "${id}" needs a TypeScript fence (\`\`\`ts).`);
	const shared = parts.output;
	if (
		shared !== undefined &&
		(parts.pythonOutput !== undefined || parts.typescriptOutput !== undefined)
	) {
		fail(
			`snippet "${id}" mixes a shared \`output\` fence with per-language ones; use one or the other.`
		);
	}
	const typescriptOutput =
		shared ??
		parts.typescriptOutput ??
		fail(`snippet "${id}" needs an \`output\` or \`output-ts\` fence.`);

	let python: AuthoredSnippet['python'] = null;
	if (parts.python !== undefined) {
		const pythonOutput =
			shared ??
			parts.pythonOutput ??
			fail(`snippet "${id}" needs an \`output\` or \`output-python\` fence.`);
		python = { code: parts.python, output: pythonOutput };
	} else if (parts.pythonOutput !== undefined) {
		fail(`snippet "${id}" has an \`output-python\` fence but no Python code.`);
	}

	return { id, title, python, typescript: { code: typescriptCode, output: typescriptOutput } };
}
