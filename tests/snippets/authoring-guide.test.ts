/**
 * The complete example of the authors' guide (`content/README.md`) holds as a
 * chapter must: its programs print their transcripts in both languages, and its
 * diagram draws a real run.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, expect, test } from 'vitest';
import { compareDiagramWithRun } from '../../src/snippets/check-diagram.ts';
import { extractDocumentedDiagrams } from '../../src/snippets/extract-snippets.ts';
import { PYODIDE_TEST_TIMEOUT_MS, PyodideRunner } from '../../src/snippets/run-in-pyodide.ts';
import {
	checkProgram,
	findDocumentedPrograms,
	runAsReadersDo,
} from '../../src/snippets/update-transcripts.ts';

const GUIDE = 'content/README.md';
const guide = await readFile(GUIDE, 'utf8');
const example = /## A complete example[\s\S]*?````mdx\n([\s\S]*?)````/.exec(guide)?.[1] ?? '';
const pyodide = new PyodideRunner();
afterAll(() => pyodide.close());

test('the guide holds a complete example chapter', () => {
	expect(example).toContain('<Snippet ');
	expect(example).toContain('<Exercise ');
	expect(example).toContain('```mermaid snippet=');
});

test(
	"the example's snippet and exercise print their transcripts in Python and TypeScript",
	{ timeout: PYODIDE_TEST_TIMEOUT_MS },
	async () => {
		const programs = findDocumentedPrograms(example, GUIDE);
		expect(programs.map((program) => program.id)).toEqual([
			'countdown-by-hand',
			'countdown-from-three',
		]);
		for (const program of programs) {
			const { drifts, problems } = await checkProgram(
				program,
				runAsReadersDo(() => pyodide)
			);
			expect([...drifts, ...problems]).toEqual([]);
		}
	}
);

test("the example's diagram draws a real run", { timeout: PYODIDE_TEST_TIMEOUT_MS }, async () => {
	const [diagram] = extractDocumentedDiagrams(example, GUIDE);
	const [snippet] = findDocumentedPrograms(example, GUIDE);
	const run = await pyodide.trace(snippet!.code.python!, { functions: true });
	expect(compareDiagramWithRun(diagram!.source, run.events).pass).toBe(true);
});
