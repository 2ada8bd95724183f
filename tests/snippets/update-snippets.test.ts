/**
 * `npm run snippets:update` on a fixture chapter whose transcripts drifted: it
 * reports each drift as a diff, rewrites only with `--write`, and refuses to put
 * two different outputs under one shared `output` fence.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { PYODIDE_TEST_TIMEOUT_MS } from '../../src/snippets/run-in-pyodide.ts';
import { findTranscriptDrift, transcriptDrift } from '../../src/integrations/transcript-drift.ts';

const FIXTURE = path.resolve('tests/fixtures/drifted-chapter');
const contentDir = mkdtempSync(path.join(tmpdir(), 'drifted-chapter-'));
cpSync(FIXTURE, contentDir, { recursive: true });
const chapterFile = path.join(contentDir, 'drifted.mdx');
const original = readFileSync(chapterFile, 'utf8');
afterAll(async () => {
	rmSync(contentDir, { recursive: true, force: true });
	await transcriptDrift().hooks['astro:server:done']?.({} as never);
});

function update(...args: string[]) {
	const result = spawnSync(
		process.execPath,
		['scripts/update-snippets.ts', '--content', contentDir, ...args],
		{ encoding: 'utf8' }
	);
	return { status: result.status, output: result.stdout + result.stderr };
}

/** The transcript fence that follows a snippet's or exercise's opening tag. */
function transcriptOf(source: string, id: string): string {
	const from = source.indexOf(`id="${id}"`);
	return /```output\n([\s\S]*?)```/.exec(source.slice(from))?.[1] ?? '';
}

test(
	'reports each drift as a diff and changes nothing without --write',
	{ timeout: PYODIDE_TEST_TIMEOUT_MS },
	() => {
		const { status, output } = update();
		expect(status).toBe(1);
		expect(output).toContain(
			'"drifted-in-both", Python:\n--- documented transcript\n+++ actual output\n  1\n  2\n+ 3'
		);
		expect(output).toContain('"drifted-in-both", TypeScript:');
		expect(output).toContain('"drifted-exercise", TypeScript:');
		expect(output).not.toContain('"still-holds"');
		expect(output).toContain('Run again with --write');
		expect(readFileSync(chapterFile, 'utf8')).toBe(original);
	}
);

test(
	'with --write, rewrites what drifted and refuses one fence for two different outputs',
	{ timeout: PYODIDE_TEST_TIMEOUT_MS },
	() => {
		const { status, output } = update('--write');
		expect(output).toMatch(
			/"languages-differ": Python and TypeScript print different things.*`output-python` and `output-ts`/
		);
		expect(status).toBe(1);
		const rewritten = readFileSync(chapterFile, 'utf8');
		expect(transcriptOf(rewritten, 'drifted-in-both')).toBe('1\n2\n3\n');
		expect(transcriptOf(rewritten, 'drifted-exercise')).toBe('2\n');
		expect(transcriptOf(rewritten, 'languages-differ')).toBe('nothing\n');
		expect(transcriptOf(rewritten, 'still-holds')).toBe('hello\n');
		// Nothing else in the chapter moved.
		expect(
			rewritten.replace('1\n2\n3\n', '1\n2\n').replace('```output\n2\n', '```output\n3\n')
		).toBe(original);
	}
);

test(
	'checks only the snippets a filter names, and passes when they hold',
	{ timeout: PYODIDE_TEST_TIMEOUT_MS },
	() => {
		const { status, output } = update('still-holds');
		expect(output).toContain('1 program(s) checked: 0 transcript(s) drifted');
		expect(status).toBe(0);
	}
);

test(
	'while writing, the drift of a chapter is reported once in the terminal and kept for its snippets',
	{ timeout: PYODIDE_TEST_TIMEOUT_MS },
	async () => {
		const warnings: string[] = [];
		const logger = {
			warn: (message: string) => void warnings.push(message),
		} as unknown as AstroIntegrationLogger;
		const source = readFileSync(path.join(FIXTURE, 'drifted.mdx'), 'utf8');
		const drift = await findTranscriptDrift(source, path.join(FIXTURE, 'drifted.mdx'), logger);
		expect([...drift.keys()].sort()).toEqual([
			'drifted-exercise',
			'drifted-in-both',
			'languages-differ',
		]);
		expect(drift.get('drifted-in-both')).toContain('+ 3');
		expect(warnings).toHaveLength(7);
		expect(warnings[0]).toMatch(
			/^The transcript no longer holds: tests\/fixtures\/drifted-chapter\/drifted.mdx:9/
		);
		// The page renders again: nothing new to say.
		await findTranscriptDrift(source, path.join(FIXTURE, 'drifted.mdx'), logger);
		expect(warnings).toHaveLength(7);
	}
);
