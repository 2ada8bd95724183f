/**
 * Finds where a chapter's transcripts no longer hold, and rewrites them from real
 * runs: the logic of `npm run snippets:update`, as pytest-examples' update mode or
 * `jest -u` do for their own examples.
 *
 * A transcript is rewritten only from a clean run (exit code 0, nothing on stderr,
 * in time), and a shared `output` fence only when both languages print the same:
 * where they differ, the author must say so with `output-python` and `output-ts`.
 */
import type { Code, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { compareOutput, formatDiff, splitOutputLines } from '../shared/compare-output.ts';
import { LANGUAGES, type Language } from '../shared/languages.ts';
import { isExerciseElement, OUTPUT_FENCES, readExercise } from './read-exercise.ts';
import { isSnippetElement, readSnippet } from './read-snippet.ts';
import { problemsOfRun, runSnippetInNode, type ProgramResult } from './run-in-node.ts';
import type { PyodideRunner } from './run-in-pyodide.ts';

/** One transcript fence in a chapter's source, and whose output it documents. */
interface TranscriptFence {
	target: Language | 'both';
	documented: string;
	/** Where the fence starts and ends in the source, fence lines included. */
	start: number;
	end: number;
	/** The fence's opening line, kept as the author wrote it. */
	opening: string;
	closing: string;
}

/** A program of a chapter whose transcripts can be checked: a snippet, or an exercise's solution. */
export interface DocumentedProgram {
	id: string;
	/** `file:line`, for messages. */
	where: string;
	code: Partial<Record<Language, string>>;
	fences: TranscriptFence[];
}

export function findDocumentedPrograms(source: string, file: string): DocumentedProgram[] {
	const tree: Root = unified().use(remarkParse).use(remarkMdx).parse(source);
	const programs: DocumentedProgram[] = [];
	visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
		const isSnippet = isSnippetElement(node);
		if (!isSnippet && !isExerciseElement(node)) return undefined;
		let id: string;
		const code: DocumentedProgram['code'] = {};
		if (isSnippet) {
			const snippet = readSnippet(node, file);
			id = snippet.id;
			code.typescript = snippet.typescript.code;
			if (snippet.python) code.python = snippet.python.code;
		} else {
			const exercise = readExercise(node, file);
			id = exercise.id;
			code.typescript = exercise.typescript.solution;
			code.python = exercise.python.solution;
		}
		const fences: TranscriptFence[] = [];
		for (const child of node.children) {
			const target = child.type === 'code' ? OUTPUT_FENCES[child.lang ?? ''] : undefined;
			const start = child.position?.start.offset;
			const end = child.position?.end.offset;
			if (!target || start === undefined || end === undefined) continue;
			const text = source.slice(start, end);
			fences.push({
				target,
				documented: (child as Code).value,
				start,
				end,
				opening: text.slice(0, text.indexOf('\n')),
				closing: text.slice(text.lastIndexOf('\n') + 1),
			});
		}
		programs.push({ id, where: `${file}:${node.position?.start.line ?? '?'}`, code, fences });
		return 'skip';
	});
	return programs;
}

export type RunProgram = (language: Language, code: string) => Promise<ProgramResult>;

/** Runs Python in the given Pyodide, the Python readers run, and TypeScript in Node. */
export function runAsReadersDo(pyodide: () => PyodideRunner): RunProgram {
	return (language, code) =>
		language === 'python' ? pyodide().run(code) : runSnippetInNode(language, code);
}

const LABELS: Record<Language, string> = { python: 'Python', typescript: 'TypeScript' };

/** What checking one program found: messages for the author, and fences to rewrite. */
export interface ProgramCheck {
	/** Transcripts that no longer hold, each with its diff. */
	drifts: string[];
	/** Why a transcript cannot be rewritten: a failed run, or languages that differ under one fence. */
	problems: string[];
	rewrites: { start: number; end: number; text: string }[];
}

/** The transcript a run documents: its stdout without the final newline. */
function transcriptOf(stdout: string): string {
	return splitOutputLines(stdout).join('\n');
}

export async function checkProgram(
	program: DocumentedProgram,
	run: RunProgram
): Promise<ProgramCheck> {
	const check: ProgramCheck = { drifts: [], problems: [], rewrites: [] };
	const printed: Partial<Record<Language, string>> = {};
	for (const language of LANGUAGES) {
		const code = program.code[language];
		if (code === undefined) continue;
		const result = await run(language, code);
		const problems = problemsOfRun(result);
		if (problems.length > 0)
			check.problems.push(
				`${program.where} "${program.id}", ${LABELS[language]}: ${problems.join('; ')}`
			);
		else printed[language] = result.stdout;
	}
	for (const fence of program.fences) {
		const languages = fence.target === 'both' ? LANGUAGES : [fence.target];
		const outputs = languages.filter((language) => program.code[language] !== undefined);
		const drifted = outputs.filter(
			(language) =>
				printed[language] !== undefined && !compareOutput(fence.documented, printed[language]).pass
		);
		for (const language of drifted)
			check.drifts.push(
				`${program.where} "${program.id}", ${LABELS[language]}:\n${formatDiff(compareOutput(fence.documented, printed[language]!).diff)}`
			);
		if (drifted.length === 0 || outputs.some((language) => printed[language] === undefined))
			continue;
		const [first, ...others] = outputs.map((language) => transcriptOf(printed[language]!));
		if (others.some((other) => other !== first)) {
			check.problems.push(
				`${program.where} "${program.id}": Python and TypeScript print different things, so one \`output\` fence cannot hold both. Split it into \`output-python\` and \`output-ts\`, and say in the chapter why they differ.`
			);
			continue;
		}
		check.rewrites.push({
			start: fence.start,
			end: fence.end,
			text: `${fence.opening}\n${first}${first === '' ? '' : '\n'}${fence.closing}`,
		});
	}
	return check;
}

/** The source with the fences rewritten, last first so that earlier offsets still hold. */
export function applyRewrites(source: string, rewrites: ProgramCheck['rewrites']): string {
	return [...rewrites]
		.sort((a, b) => b.start - a.start)
		.reduce(
			(text, { start, end, text: fence }) => text.slice(0, start) + fence + text.slice(end),
			source
		);
}
