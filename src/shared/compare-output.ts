import { diffArrays } from 'diff';

/**
 * Compares what a program printed with its documented transcript, line by line.
 *
 * Shared by the test suite (doctest-style verification in Node) and the in-page
 * runner, so that "pass" means the same thing in both places.
 */

export type DiffLine = { kind: 'same' | 'expected' | 'actual'; text: string };

export interface OutputComparison {
	pass: boolean;
	/** Every line of both sides, in order, marked as shared, only expected, or only actual. */
	diff: DiffLine[];
}

/**
 * Splits printed text into lines. Exactly two things are normalised: a Windows
 * line ending (`\r\n`) is a newline, and the newline that ends the last line is
 * not a line of its own. Anything else printed, a lone `\r` or trailing spaces
 * included, is part of its line and must match the transcript.
 */
export function splitOutputLines(text: string): string[] {
	const normalised = text.replace(/\r\n/g, '\n');
	if (normalised === '') return [];
	return normalised.replace(/\n$/, '').split('\n');
}

export function compareOutput(expected: string, actual: string): OutputComparison {
	const changes = diffArrays(splitOutputLines(expected), splitOutputLines(actual));
	const diff: DiffLine[] = [];
	for (const change of changes) {
		const kind = change.added ? 'actual' : change.removed ? 'expected' : 'same';
		for (const text of change.value) diff.push({ kind, text });
	}
	return { pass: diff.every((line) => line.kind === 'same'), diff };
}

/**
 * Printed text with its control characters drawn as visible symbols (a lone `\r`
 * as ␍), so that a reader sees what was really printed; tabs stay tabs.
 */
export function showControlCharacters(text: string): string {
	// Matching control characters is the point here.
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (character) =>
		character === '\u007f' ? '␡' : String.fromCharCode(0x2400 + character.charCodeAt(0))
	);
}

/** A unified-diff-like rendering for terminals and test failures. */
export function formatDiff(
	diff: DiffLine[],
	labels = { expected: 'documented transcript', actual: 'actual output' }
): string {
	const marks = { same: ' ', expected: '-', actual: '+' } as const;
	return [
		`--- ${labels.expected}`,
		`+++ ${labels.actual}`,
		...diff.map((line) => `${marks[line.kind]} ${line.text}`),
	].join('\n');
}
