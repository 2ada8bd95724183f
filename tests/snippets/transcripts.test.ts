/**
 * The transcripts are a contract, checked like doctests: every TypeScript snippet
 * type-checks under `strict` and prints exactly its transcript in Node, and every
 * Python snippet prints exactly its transcript in CPython.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { collectSnippets } from '../../src/snippets/collect-snippets.ts';
import { compareOutput, formatDiff } from '../../src/shared/compare-output.ts';
import { runSnippetInNode } from '../../src/snippets/run-in-node.ts';
import { typecheckSnippets } from '../../src/snippets/typecheck-snippets.ts';
import type { Language } from '../../src/shared/languages.ts';
import type { SnippetSide } from '../../src/shared/snippet.ts';

const snippets = await collectSnippets();
let typeErrors = new Map<string, string[]>();

beforeAll(() => {
	typeErrors = typecheckSnippets(
		snippets.map((snippet) => ({ id: snippet.id, code: snippet.typescript.code }))
	);
});

test('the chapters declare snippets', () => {
	expect(snippets.length).toBeGreaterThan(0);
});

async function expectTranscript(language: Language, side: SnippetSide, where: string) {
	const result = await runSnippetInNode(language, side.code);
	const problems: string[] = [];
	if (result.timedOut) problems.push('it did not finish in time');
	if (result.exitCode !== 0) problems.push(`it exited with code ${result.exitCode}`);
	if (result.stderr.trim() !== '') problems.push(`it wrote to stderr:\n${result.stderr.trimEnd()}`);
	const comparison = compareOutput(side.output, result.stdout);
	if (!comparison.pass)
		problems.push(`its output differs from the transcript:\n${formatDiff(comparison.diff)}`);
	if (problems.length > 0) {
		throw new Error(`${where}, ${language}: ${problems.join('\n')}`);
	}
}

describe.each(snippets)('snippet $id ($file)', (snippet) => {
	const where = `Snippet "${snippet.id}" in ${snippet.file}`;

	test('TypeScript type-checks under strict', () => {
		const errors = typeErrors.get(snippet.id);
		if (errors) throw new Error(`${where} does not type-check:\n${errors.join('\n')}`);
	});

	test('TypeScript prints its transcript', async () => {
		await expectTranscript('typescript', snippet.typescript, where);
	});

	test.skipIf(snippet.python === null)('Python prints its transcript', async () => {
		await expectTranscript('python', snippet.python!, where);
	});
});
