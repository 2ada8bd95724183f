import { describe, expect, test } from 'vitest';
import {
	describeFrame,
	describeOutcome,
	formatError,
} from '../../src/runner/page/render-outcome.ts';
import type { RunOutcome } from '../../src/runner/page/run-snippet.ts';

const common = { output: '', stderr: '', truncated: false };
const documented = { edited: false };
const edited = { edited: true };

describe('describeOutcome', () => {
	test('a pass confirms the transcript, in the words for documented or edited code', () => {
		const pass: RunOutcome = { ...common, status: 'pass' };
		expect(describeOutcome(pass, documented)).toBe('✓ Pass: the output matches the transcript.');
		expect(describeOutcome(pass, edited)).toBe('✓ Your edit prints the documented transcript.');
	});

	test('what went to stderr does not change the verdict', () => {
		const pass: RunOutcome = { ...common, stderr: 'DeprecationWarning', status: 'pass' };
		expect(describeOutcome(pass, documented)).toBe('✓ Pass: the output matches the transcript.');
	});

	test('a difference is a failure of the documented code but only news about an edit', () => {
		const fail: RunOutcome = { ...common, status: 'fail', diff: [] };
		expect(describeOutcome(fail, documented)).toBe(
			'✗ Fail: the output differs from the transcript.'
		);
		expect(describeOutcome(fail, edited)).toBe(
			'≠ Your edit prints something other than the expected output.'
		);
	});

	test('truncated output is reported as cut short, edited or not', () => {
		const fail: RunOutcome = { ...common, truncated: true, status: 'fail', diff: [] };
		for (const options of [documented, edited])
			expect(describeOutcome(fail, options)).toBe('✗ The output was too long and was cut short.');
	});

	test('an error shows its text', () => {
		const error: RunOutcome = {
			...common,
			status: 'error',
			error: 'TypeError: boom (line 3)',
			line: 3,
			frames: [{ line: 3 }],
		};
		expect(describeOutcome(error, edited)).toBe('✗ Error: TypeError: boom (line 3)');
	});

	test('an error is named by its type, its message if it has one, and its line', () => {
		expect(formatError('TypeError', 'boom', 3)).toBe('TypeError: boom (line 3)');
		// A bare StopIteration has no message: no colon is left dangling.
		expect(formatError('StopIteration', '', 9)).toBe('StopIteration (line 9)');
		expect(formatError('GiveUp', '')).toBe('GiveUp');
	});

	test('a frame of a traceback is named as Python names it', () => {
		expect(describeFrame({ line: 3, name: 'gen' })).toBe('line 3, in gen');
		expect(describeFrame({ line: 7 })).toBe('line 7, at the top level');
	});

	test('a timeout gives the seconds and tells a busy program from a waiting one', () => {
		const stuck: RunOutcome = { ...common, status: 'timeout', seconds: 5, reason: 'stuck' };
		const long: RunOutcome = { ...common, status: 'timeout', seconds: 30, reason: 'too-long' };
		expect(describeOutcome(stuck, documented)).toBe(
			'⏱ Timeout: stopped after 5 s — the program was busy and never gave control back.'
		);
		expect(describeOutcome(long, documented)).toBe(
			'⏱ Timeout: stopped after 30 s — the program was still waiting.'
		);
	});

	test('a stopped run and an unavailable runner say so, the latter with its reason', () => {
		expect(describeOutcome({ ...common, status: 'stopped' }, documented)).toBe(
			'■ Stopped before it finished.'
		);
		expect(
			describeOutcome({ ...common, status: 'unavailable', reason: 'no workers' }, documented)
		).toBe('the runner is unavailable here (no workers), so this cannot be checked in the page.');
	});
});
