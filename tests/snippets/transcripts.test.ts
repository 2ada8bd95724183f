/**
 * The transcripts are a contract, checked like doctests: every TypeScript snippet
 * type-checks under `strict` and prints exactly its transcript in Node, and every
 * Python snippet prints exactly its transcript in Pyodide, the Python readers
 * run, and, where the machine has a recent enough one, in CPython too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectSnippets } from '../../src/snippets/collect-snippets.ts';
import { compareOutput, formatDiff } from '../../src/shared/compare-output.ts';
import {
	findCPython,
	problemsOfRun,
	runSnippetInNode,
	type ProgramResult,
} from '../../src/snippets/run-in-node.ts';
import { PYODIDE_TEST_TIMEOUT_MS, PyodideRunner } from '../../src/snippets/run-in-pyodide.ts';
import { typecheckSnippets } from '../../src/snippets/typecheck-snippets.ts';
import type { SnippetSide } from '../../src/shared/snippet.ts';

const snippets = await collectSnippets();
const cpython = await findCPython();
// One Pyodide for the whole file: it starts loading now, while the TypeScript is type-checked.
const pyodide = new PyodideRunner();
afterAll(() => pyodide.close());
let typeErrors = new Map<string, string[]>();

beforeAll(() => {
	typeErrors = typecheckSnippets(
		snippets.map((snippet) => ({ id: snippet.id, code: snippet.typescript.code }))
	);
});

test('the chapters declare snippets', () => {
	expect(snippets.length).toBeGreaterThan(0);
});

/** `where` says which snippet ran where: `Snippet "x" in file, Python in Pyodide`. */
function expectTranscript(result: ProgramResult, side: SnippetSide, where: string) {
	const problems = problemsOfRun(result);
	const comparison = compareOutput(side.output, result.stdout);
	if (!comparison.pass)
		problems.push(`its output differs from the transcript:\n${formatDiff(comparison.diff)}`);
	if (problems.length > 0) {
		throw new Error(`${where}: ${problems.join('\n')}`);
	}
}

describe.each(snippets)('snippet $id ($file)', (snippet) => {
	const where = `Snippet "${snippet.id}" in ${snippet.file}`;

	test('TypeScript type-checks under strict', () => {
		const errors = typeErrors.get(snippet.id);
		if (errors) throw new Error(`${where} does not type-check:\n${errors.join('\n')}`);
	});

	test('TypeScript prints its transcript', async () => {
		const result = await runSnippetInNode('typescript', snippet.typescript.code);
		expectTranscript(result, snippet.typescript, `${where}, typescript`);
	});

	test.skipIf(snippet.python === null)(
		'Python prints its transcript in Pyodide',
		{ timeout: PYODIDE_TEST_TIMEOUT_MS },
		async () => {
			const python = snippet.python!;
			expectTranscript(await pyodide.run(python.code), python, `${where}, Python in Pyodide`);
		}
	);

	test.skipIf(snippet.python === null)(
		'Python prints its transcript in CPython',
		async (context) => {
			if (!cpython.found) return context.skip(cpython.reason);
			const python = snippet.python!;
			const result = await runSnippetInNode('python', python.code);
			expectTranscript(result, python, `${where}, Python in CPython ${cpython.version}`);
		}
	);
});
