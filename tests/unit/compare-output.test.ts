import { describe, expect, test } from 'vitest';
import {
	compareOutput,
	formatDiff,
	showControlCharacters,
	splitOutputLines,
} from '../../src/shared/compare-output.ts';

describe('compareOutput', () => {
	test('passes when the printed lines equal the transcript, final newline aside', () => {
		expect(compareOutput('a\nb', 'a\nb\n').pass).toBe(true);
		expect(compareOutput('', '').pass).toBe(true);
	});

	test('fails on a changed, missing or extra line, and marks each', () => {
		const { pass, diff } = compareOutput('one\ntwo\nthree', 'one\n2\nthree\nfour\n');
		expect(pass).toBe(false);
		expect(diff).toEqual([
			{ kind: 'same', text: 'one' },
			{ kind: 'expected', text: 'two' },
			{ kind: 'actual', text: '2' },
			{ kind: 'same', text: 'three' },
			{ kind: 'actual', text: 'four' },
		]);
	});

	test('treats trailing spaces and blank lines as output', () => {
		expect(compareOutput('Function part 3 ', 'Function part 3\n').pass).toBe(false);
		expect(compareOutput('a', 'a\n\n').pass).toBe(false);
	});

	test('formats a diff with - for the transcript and + for the output', () => {
		const { diff } = compareOutput('x\ny', 'x\nz');
		expect(formatDiff(diff)).toBe('--- documented transcript\n+++ actual output\n  x\n- y\n+ z');
	});

	test('splits Windows line endings like Unix ones', () => {
		expect(splitOutputLines('a\r\nb\r\n')).toEqual(['a', 'b']);
	});

	test('keeps a lone carriage return inside its line, so it cannot pass for a line break', () => {
		expect(splitOutputLines('a\rb\n')).toEqual(['a\rb']);
		expect(compareOutput('a\nb\nc\nd', 'a\rb\nc\rd\n').pass).toBe(false);
	});

	test('draws control characters as visible symbols, and leaves tabs and text alone', () => {
		expect(showControlCharacters('a\rb\u0000c\u007f')).toBe('a␍b␀c␡');
		expect(showControlCharacters('tab\there, é')).toBe('tab\there, é');
	});
});
