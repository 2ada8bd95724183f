/**
 * Documented diagrams are a contract, like transcripts: a sequence diagram that
 * names its snippet (```mermaid snippet=ID) must show the hand-overs of control
 * that really happen when the snippet's Python runs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareDiagramWithTrace } from '../../src/snippets/check-diagram.ts';
import { listChapterFiles } from '../../src/lib/chapter-files.ts';
import { collectSnippets } from '../../src/snippets/collect-snippets.ts';
import { formatDiff } from '../../src/shared/compare-output.ts';
import { extractDocumentedDiagrams, extractSnippets } from '../../src/snippets/extract-snippets.ts';
import { tracePythonSnippet } from '../../src/snippets/run-in-node.ts';

const snippets = await collectSnippets();
const diagrams = (
	await Promise.all(
		(await listChapterFiles()).map(async (file) =>
			extractDocumentedDiagrams(await readFile(file, 'utf8'), path.relative(process.cwd(), file))
		)
	)
).flat();

test('the first chapter documents both of its diagrams', () => {
	expect(
		diagrams
			.filter((diagram) => diagram.where.startsWith('content/coroutine-concept.mdx'))
			.map((diagram) => diagram.snippetId)
	).toEqual(['function-calls-in-sequence', 'generator-gives-control-back']);
});

describe.each(diagrams)('diagram of $snippetId ($where)', (diagram) => {
	test('matches a real run of the snippet', async () => {
		const snippet = snippets.find((candidate) => candidate.id === diagram.snippetId);
		if (!snippet?.python)
			throw new Error(
				`${diagram.where}: no Python snippet "${diagram.snippetId}" to check the diagram against.`
			);
		const comparison = compareDiagramWithTrace(
			diagram.source,
			await tracePythonSnippet(snippet.python.code)
		);
		if (!comparison.pass) {
			const diff = formatDiff(comparison.diff, {
				expected: 'documented diagram',
				actual: 'real run',
			});
			throw new Error(
				`${diagram.where}: the diagram of "${diagram.snippetId}" differs from a real run:\n${diff}`
			);
		}
	});
});

test('a diagram that drifted from its snippet fails the check, showing where', async () => {
	const fixture = path.resolve('tests/fixtures/altered-diagram.mdx');
	const source = await readFile(fixture, 'utf8');
	const [snippet] = extractSnippets(source, fixture);
	const [diagram] = extractDocumentedDiagrams(source, fixture);
	const comparison = compareDiagramWithTrace(
		diagram!.source,
		await tracePythonSnippet(snippet!.python!.code)
	);
	expect(comparison.pass).toBe(false);
	expect(formatDiff(comparison.diff)).toContain('+ <module> ->> generator: next');
	expect(formatDiff(comparison.diff)).toContain('- generator -->> <module>: yield');
});
