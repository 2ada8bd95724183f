/**
 * Every exercise is fair: each solution type-checks (TypeScript, strict) and
 * prints exactly the target in Node, in Pyodide and in CPython; each starter
 * runs, and does not print the target (an exercise that passes untouched
 * teaches nothing).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	getChapterId,
	getChapterPath,
	listChapterFiles,
	readCoursePosition,
} from '../../src/lib/chapter-files.ts';
import { collectExercises } from '../../src/snippets/collect-snippets.ts';
import { compareOutput, formatDiff } from '../../src/shared/compare-output.ts';
import type { ExerciseSide } from '../../src/shared/exercise.ts';
import type { Language } from '../../src/shared/languages.ts';
import {
	findCPython,
	problemsOfRun,
	runSnippetInNode,
	type ProgramResult,
} from '../../src/snippets/run-in-node.ts';
import { PYODIDE_TEST_TIMEOUT_MS, PyodideRunner } from '../../src/snippets/run-in-pyodide.ts';
import { typecheckSnippets } from '../../src/snippets/typecheck-snippets.ts';

const exercises = await collectExercises();
const cpython = await findCPython();
const pyodide = new PyodideRunner();
afterAll(() => pyodide.close());
let typeErrors = new Map<string, string[]>();

beforeAll(() => {
	typeErrors = typecheckSnippets(
		exercises.flatMap((exercise) => [
			{ id: `${exercise.id}:solution`, code: exercise.typescript.solution },
			{ id: `${exercise.id}:starter`, code: exercise.typescript.starter },
		])
	);
});

function expectSolution(result: ProgramResult, side: ExerciseSide, where: string) {
	const problems = problemsOfRun(result);
	const comparison = compareOutput(side.output, result.stdout);
	if (!comparison.pass)
		problems.push(`its output differs from the target:\n${formatDiff(comparison.diff)}`);
	if (problems.length > 0) throw new Error(`${where}: ${problems.join('\n')}`);
}

function expectStarter(result: ProgramResult, side: ExerciseSide, where: string) {
	const problems = problemsOfRun(result);
	if (compareOutput(side.output, result.stdout).pass)
		problems.push('it already prints the target, so there is nothing to do');
	if (problems.length > 0) throw new Error(`${where}: ${problems.join('\n')}`);
}

test('the course has at least 20 exercises', () => {
	expect(exercises.length).toBeGreaterThanOrEqual(20);
});

test('every chapter of the course ends with at least one exercise', async () => {
	const chapters: string[] = [];
	for (const file of await listChapterFiles()) {
		if (!readCoursePosition(await readFile(file, 'utf8')).appendix)
			chapters.push(getChapterPath(getChapterId(file)));
	}
	const practised = new Set(exercises.map((exercise) => exercise.page));
	expect(chapters.filter((chapter) => !practised.has(chapter))).toEqual([]);
});

describe.each(exercises)('exercise $id ($file)', (exercise) => {
	const where = (language: Language, part: string) =>
		`Exercise "${exercise.id}" in ${exercise.file}, ${language} ${part}`;

	test.each(['solution', 'starter'] as const)(
		'its TypeScript %s type-checks under strict',
		(part) => {
			const errors = typeErrors.get(`${exercise.id}:${part}`);
			if (errors)
				throw new Error(`${where('typescript', part)} does not type-check:\n${errors.join('\n')}`);
		}
	);

	/** The solution prints the target and the starter does not, run by `run` (`runner` names it). */
	async function expectFair(
		run: (code: string) => Promise<ProgramResult>,
		language: Language,
		runner = ''
	) {
		const side = exercise[language];
		expectSolution(await run(side.solution), side, where(language, `solution${runner}`));
		expectStarter(await run(side.starter), side, where(language, `starter${runner}`));
	}

	test('in TypeScript, the solution prints the target and the starter does not', () =>
		expectFair((code) => runSnippetInNode('typescript', code), 'typescript'));

	test(
		'in Pyodide, the Python solution prints the target and the starter does not',
		{ timeout: PYODIDE_TEST_TIMEOUT_MS },
		() => expectFair((code) => pyodide.run(code), 'python', ' in Pyodide')
	);

	test('in CPython, the Python solution prints the target and the starter does not', (context) => {
		if (!cpython.found) return context.skip(cpython.reason);
		return expectFair((code) => runSnippetInNode('python', code), 'python', ' in CPython');
	});
});
