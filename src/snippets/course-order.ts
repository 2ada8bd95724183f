/**
 * The course promises that no chapter's code uses a construct before the chapter
 * that teaches it. This is that promise as data: each construct, the chapter that
 * teaches it, and how to spot it in a snippet's Python and TypeScript. Plain
 * language features (functions, loops, classes, exceptions) are assumed and not
 * listed; TypeScript generator annotations are used from the first generator on,
 * with a pointer to the chapter that reads them, so only Python's are listed.
 */
import type { AuthoredSnippet } from '../shared/snippet.ts';

export interface Construct {
	name: string;
	/** The id of the chapter that teaches it. */
	taughtIn: string;
	python?: RegExp;
	typescript?: RegExp;
}

export const CONSTRUCTS: Construct[] = [
	{ name: 'yield', taughtIn: 'coroutine-concept', python: /\byield\b/, typescript: /\byield\b/ },
	{
		name: 'send (next with a value)',
		taughtIn: 'sending-values',
		python: /\.send\(/,
		typescript: /\.next\((?!\))/,
	},
	{
		name: 'generator type annotations',
		taughtIn: 'generators-vs-coroutines',
		python: /\b(?:Generator|Iterator|Iterable)\[/,
		typescript: /@ts-expect-error/,
	},
	{
		name: 'generator state inspection',
		taughtIn: 'generator-states',
		python: /\bgetgeneratorstate\b|\.gi_(?:running|suspended|frame|yieldfrom)\b/,
	},
	{ name: 'decorators', taughtIn: 'priming-decorator', python: /^\s*@\w/m },
	{ name: 'throw', taughtIn: 'throw-and-close', python: /\.throw\(/, typescript: /\.throw\(/ },
	{
		name: 'close and return()',
		taughtIn: 'throw-and-close',
		python: /\.close\(\)|\bGeneratorExit\b/,
		typescript: /\.return\(/,
	},
	{
		name: 'yield from',
		taughtIn: 'yield-from',
		python: /\byield\s+from\b/,
		typescript: /\byield\s*\*/,
	},
];

export interface CourseChapter {
	id: string;
	snippets: AuthoredSnippet[];
}

/** Comments say what code does in words, and may name a later construct; only code counts. */
function withoutComments(code: string, language: 'python' | 'typescript'): string {
	return language === 'python'
		? code.replace(/#.*$/gm, '')
		: code.replace(/\/\/(?!\s*@ts-).*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

/**
 * Every use of a construct in a chapter that comes before the one teaching it,
 * as messages for the author. `chapters` are in course order.
 */
export function findConstructsUsedEarly(chapters: CourseChapter[]): string[] {
	const position = new Map(chapters.map((chapter, index) => [chapter.id, index]));
	const problems: string[] = [];
	for (const construct of CONSTRUCTS) {
		const taughtAt = position.get(construct.taughtIn);
		if (taughtAt === undefined) {
			problems.push(
				`"${construct.name}" is taught in "${construct.taughtIn}", which is no chapter.`
			);
			continue;
		}
		for (const [index, chapter] of chapters.entries()) {
			if (index >= taughtAt) break;
			for (const snippet of chapter.snippets) {
				for (const language of ['python', 'typescript'] as const) {
					const pattern = construct[language];
					const code = snippet[language]?.code;
					if (pattern && code && pattern.test(withoutComments(code, language)))
						problems.push(
							`${chapter.id}: the ${language === 'python' ? 'Python' : 'TypeScript'} of "${snippet.id}" uses ${construct.name}, which "${construct.taughtIn}" teaches later.`
						);
				}
			}
		}
	}
	return problems;
}
