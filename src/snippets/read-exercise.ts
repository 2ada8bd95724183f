import type { Code, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import {
	EXERCISE_LEVELS,
	type AuthoredExercise,
	type ExerciseLevel,
	type ExerciseSide,
} from '../shared/exercise.ts';
import type { Language } from '../shared/languages.ts';
import { ID_PATTERN, readStringAttribute, SnippetSyntaxError } from './read-snippet.ts';

/**
 * Reads an `<Exercise>` element of a chapter. An exercise is written like a
 * snippet, with its task in prose and hints as `<Hint>` elements among the
 * fences; each language has a starter and a solution, told apart by the fence's
 * meta:
 *
 *     <Exercise id="count-the-sends" title="Count the sends" level="warm-up">
 *     The task, in prose.
 *     ```python starter
 *     …
 *     ```
 *     ```python solution
 *     …
 *     ```
 *     ```ts starter
 *     …
 *     ```
 *     ```ts solution
 *     …
 *     ```
 *     ```output
 *     …
 *     ```
 *     <Hint>A first nudge.</Hint>
 *     </Exercise>
 *
 * One `output` fence is the target transcript of both languages; `output-python`
 * and `output-ts` where they really differ.
 */

export const EXERCISE_ELEMENT = 'Exercise';
export const HINT_ELEMENT = 'Hint';

const LANGUAGE_FENCES: Record<string, Language> = {
	python: 'python',
	py: 'python',
	ts: 'typescript',
	typescript: 'typescript',
};
/** The fences that hold a transcript, and whose: snippets and exercises write them alike. */
export const OUTPUT_FENCES: Record<string, Language | 'both'> = {
	output: 'both',
	'output-python': 'python',
	'output-py': 'python',
	'output-ts': 'typescript',
	'output-typescript': 'typescript',
};

export function isExerciseElement(node: RootContent): boolean {
	return node.type === 'mdxJsxFlowElement' && node.name === EXERCISE_ELEMENT;
}

/**
 * Whether a child of an exercise is a `<Hint>`: on lines of its own, or written
 * on one line, which MDX reads as a paragraph holding it.
 */
export function isHint(node: RootContent): boolean {
	if (node.type === 'mdxJsxFlowElement') return node.name === HINT_ELEMENT;
	return (
		node.type === 'paragraph' &&
		node.children.every(
			(child) =>
				(child.type === 'mdxJsxTextElement' && child.name === HINT_ELEMENT) ||
				(child.type === 'text' && child.value.trim() === '')
		)
	);
}

/** A hint as an element of its own, its text in a paragraph, however it was written. */
export function toHintElement(node: RootContent): MdxJsxFlowElement {
	if (node.type === 'mdxJsxFlowElement') return node;
	const inline =
		node.type === 'paragraph'
			? node.children.find((child) => child.type === 'mdxJsxTextElement')
			: undefined;
	return {
		type: 'mdxJsxFlowElement',
		name: HINT_ELEMENT,
		attributes: inline?.attributes ?? [],
		children: [{ type: 'paragraph', children: inline?.children ?? [] }],
	};
}

/** Whether a child of an exercise is one of its code fences (which become props) rather than prose. */
export function isExerciseFence(node: { type: string; lang?: string | null }): node is Code {
	return node.type === 'code' && (node.lang ?? '') in { ...LANGUAGE_FENCES, ...OUTPUT_FENCES };
}

export function readExercise(node: MdxJsxFlowElement, file: string): AuthoredExercise {
	const where = `${file}:${node.position?.start.line ?? '?'}`;
	const fail = (message: string): never => {
		throw new SnippetSyntaxError(`${where}: ${message}`);
	};
	const id =
		readStringAttribute(node, 'id') ?? fail(`<${EXERCISE_ELEMENT}> needs an id="…" attribute.`);
	if (!ID_PATTERN.test(id))
		fail(`exercise id "${id}" must be lower-case words joined by hyphens (URL-safe).`);
	const title =
		readStringAttribute(node, 'title') ?? fail(`exercise "${id}" needs a title="…" attribute.`);
	const level = readStringAttribute(node, 'level') ?? '';
	if (!(EXERCISE_LEVELS as readonly string[]).includes(level))
		fail(`exercise "${id}" needs a level="…" of ${EXERCISE_LEVELS.join(', ')}.`);

	const code: Partial<Record<`${Language} ${'starter' | 'solution'}`, string>> = {};
	const outputs: Partial<Record<Language | 'both', string>> = {};
	const task: string[] = [];
	for (const child of node.children) {
		if (isExerciseFence(child)) {
			const lang = child.lang ?? '';
			const output = OUTPUT_FENCES[lang];
			if (output) {
				if (outputs[output] !== undefined) fail(`exercise "${id}" has two ${lang} fences.`);
				outputs[output] = child.value;
				continue;
			}
			const role = (child.meta ?? '').trim();
			if (role !== 'starter' && role !== 'solution')
				fail(`exercise "${id}": a ${lang} fence must say \`starter\` or \`solution\`.`);
			const key = `${LANGUAGE_FENCES[lang]!} ${role as 'starter' | 'solution'}` as const;
			if (code[key] !== undefined) fail(`exercise "${id}" has two ${lang} ${role} fences.`);
			code[key] = child.value;
		} else if (!isHint(child)) {
			task.push(toString(child));
		}
	}
	if (outputs.both !== undefined && (outputs.python ?? outputs.typescript) !== undefined)
		fail(`exercise "${id}" mixes a shared \`output\` fence with per-language ones.`);

	const side = (language: Language, fence: string): ExerciseSide => ({
		starter:
			code[`${language} starter`] ?? fail(`exercise "${id}" needs a \`${fence} starter\` fence.`),
		solution:
			code[`${language} solution`] ?? fail(`exercise "${id}" needs a \`${fence} solution\` fence.`),
		output:
			outputs.both ??
			outputs[language] ??
			fail(`exercise "${id}" needs an \`output\` or \`output-${fence}\` fence.`),
	});
	return {
		id,
		title,
		level: level as ExerciseLevel,
		task: task.join('\n\n').trim(),
		python: side('python', 'python'),
		typescript: side('typescript', 'ts'),
	};
}
