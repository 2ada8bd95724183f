/**
 * Documented diagrams are a contract, like transcripts: a sequence diagram that
 * names its snippet (```mermaid snippet=ID) must show the hand-overs of control
 * that really happen when the snippet's Python runs, as the page's recorder
 * records them in Pyodide.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareDiagramWithRun } from '../../src/snippets/check-diagram.ts';
import { listChapterFiles } from '../../src/lib/chapter-files.ts';
import { collectSnippets } from '../../src/snippets/collect-snippets.ts';
import { formatDiff } from '../../src/shared/compare-output.ts';
import { extractDocumentedDiagrams, extractSnippets } from '../../src/snippets/extract-snippets.ts';
import { PYODIDE_TEST_TIMEOUT_MS, PyodideRunner } from '../../src/snippets/run-in-pyodide.ts';
import type { TraceEvent } from '../../src/shared/trace-event.ts';
import { LANGUAGES } from '../../src/shared/languages.ts';
import { hasSomethingToTrace } from '../../src/lib/traceable.ts';

const pyodide = new PyodideRunner();
afterAll(() => pyodide.close());

/** The snippet's run as the page's recorder sees it, plain function calls included. */
async function recordRun(code: string, where: string): Promise<TraceEvent[]> {
	const run = await pyodide.trace(code, { functions: true });
	if (run.timedOut || run.exitCode !== 0)
		throw new Error(
			`${where}: the snippet ${run.timedOut ? 'did not finish' : 'failed'} in Pyodide:\n${run.stderr}`
		);
	return run.events;
}

const snippets = await collectSnippets();
const diagrams = (
	await Promise.all(
		(await listChapterFiles()).map(async (file) =>
			extractDocumentedDiagrams(await readFile(file, 'utf8'), path.relative(process.cwd(), file))
		)
	)
).flat();

test('the coroutine-concept chapter documents both of its seed diagrams', () => {
	expect(
		diagrams
			.filter((diagram) => diagram.where.startsWith('content/coroutine-concept.mdx'))
			.map((diagram) => diagram.snippetId)
	).toEqual(['function-calls-in-sequence', 'generator-gives-control-back']);
});

describe.each(diagrams)('diagram of $snippetId ($where)', (diagram) => {
	test('matches a real run of the snippet', { timeout: PYODIDE_TEST_TIMEOUT_MS }, async () => {
		const snippet = snippets.find((candidate) => candidate.id === diagram.snippetId);
		if (!snippet?.python)
			throw new Error(
				`${diagram.where}: no Python snippet "${diagram.snippetId}" to check the diagram against.`
			);
		const comparison = compareDiagramWithRun(
			diagram.source,
			await recordRun(snippet.python.code, diagram.where)
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

test(
	'a diagram that drifted from its snippet fails the check, showing where',
	{ timeout: PYODIDE_TEST_TIMEOUT_MS },
	async () => {
		const fixture = path.resolve('tests/fixtures/altered-diagram.mdx');
		const source = await readFile(fixture, 'utf8');
		const [snippet] = extractSnippets(source, fixture);
		const [diagram] = extractDocumentedDiagrams(source, fixture);
		const comparison = compareDiagramWithRun(
			diagram!.source,
			await recordRun(snippet!.python!.code, fixture)
		);
		expect(comparison.pass).toBe(false);
		// The fixture draws the function call before the second next(); the run makes it after.
		expect(formatDiff(comparison.diff)).toContain('+ caller ->> generator: next');
		expect(formatDiff(comparison.diff)).toContain('- generator -->> caller: yield');
	}
);

/**
 * A snippet gets a Trace button where its code defines something to trace
 * (`hasSomethingToTrace`); one without really has nothing to draw. The browser
 * tests check the other way round: every Trace drawn in the page draws something.
 */
describe('a snippet without a Trace button', () => {
	const untraceable = snippets.filter((snippet) =>
		LANGUAGES.every((language) => {
			const side = snippet[language];
			return !side || !hasSomethingToTrace(side.code, language);
		})
	);

	test('is one of a few (a loop over a list, iteration by hand)', () => {
		expect(untraceable.length).toBeGreaterThan(0);
		expect(untraceable.length).toBeLessThan(snippets.length / 10);
	});

	test.each(
		untraceable.filter((snippet) => snippet.python).map((snippet) => [snippet.id, snippet])
	)(
		'%s records nothing when its Python runs traced',
		{ timeout: PYODIDE_TEST_TIMEOUT_MS },
		async (_id, snippet) => {
			expect(await recordRun(snippet.python!.code, snippet.file)).toEqual([]);
		}
	);
});
