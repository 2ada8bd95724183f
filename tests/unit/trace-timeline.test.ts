import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../../src/shared/trace-event.ts';
import { buildTimeline, describeRow } from '../../src/trace-view/trace-timeline.ts';

const outer = 'outer#1';
const inner = 'inner#1';

/** `outer` is started, then creates `inner` and sends to it too early before starting it. */
const events: TraceEvent[] = [
	{ kind: 'create', generator: outer, caller: 'caller' },
	{ kind: 'call', method: 'next', generator: outer, caller: 'caller' },
	{ kind: 'create', generator: inner, caller: outer },
	{ kind: 'call', method: 'send', value: '2', generator: inner, caller: outer, state: 'created' },
	{ kind: 'call', method: 'next', generator: inner, caller: outer },
	{ kind: 'yield', value: '1', generator: inner, caller: outer },
	{ kind: 'return', value: 'None', generator: inner, caller: outer },
	{ kind: 'yield', value: '1', generator: outer, caller: 'caller' },
];

describe('buildTimeline', () => {
	test('gives one row per generator, in order of appearance, with a state per event', () => {
		const rows = buildTimeline(events);
		expect(rows.map((row) => row.generator)).toEqual([outer, inner]);
		for (const row of rows) expect(row.states).toHaveLength(events.length);
	});

	test('leaves a generator undefined before it exists and follows it step by step after', () => {
		const [outerRow, innerRow] = buildTimeline(events);
		expect(outerRow?.states).toEqual(['created', ...Array<string>(6).fill('running'), 'suspended']);
		expect(innerRow?.states).toEqual([
			undefined,
			undefined,
			'created',
			'created',
			'running',
			'suspended',
			'closed',
			'closed',
		]);
	});

	test('is empty for a run without events', () => {
		expect(buildTimeline([])).toEqual([]);
	});
});

describe('describeRow', () => {
	test('summarises runs of a state as one-based steps and ranges', () => {
		const [outerRow, innerRow] = buildTimeline(events);
		expect(outerRow && describeRow(outerRow)).toBe('created at 1, running at 2–7, suspended at 8');
		expect(innerRow && describeRow(innerRow)).toBe(
			'created at 3–4, running at 5, suspended at 6, closed at 7–8'
		);
	});

	test('says nothing for a row without states', () => {
		expect(describeRow({ generator: outer, states: [] })).toBe('');
	});
});
