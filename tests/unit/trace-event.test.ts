import { describe, expect, test } from 'vitest';
import {
	displayNames,
	endsOf,
	labelOf,
	stateAfter,
	type TraceEvent,
} from '../../src/shared/trace-event.ts';

const created: TraceEvent = { kind: 'create', generator: 'outer#1', caller: 'caller' };
const sent: TraceEvent = {
	kind: 'call',
	method: 'send',
	value: '2',
	generator: 'averager#1',
	caller: 'outer#1',
};
const yielded: TraceEvent = {
	kind: 'yield',
	value: '1',
	generator: 'averager#1',
	caller: 'outer#1',
};
const raised: TraceEvent = {
	kind: 'raise',
	value: 'TypeError: boom',
	generator: 'averager#1',
	caller: 'caller',
};

describe('stateAfter', () => {
	test('follows the kind: created, running, suspended, closed', () => {
		expect(stateAfter(created)).toBe('created');
		expect(stateAfter(sent)).toBe('running');
		expect(stateAfter(yielded)).toBe('suspended');
		expect(stateAfter({ ...yielded, kind: 'return' })).toBe('closed');
		expect(stateAfter(raised)).toBe('closed');
	});

	test('keeps the recorded state of a refused call', () => {
		expect(stateAfter({ ...sent, state: 'created' })).toBe('created');
	});
});

describe('displayNames', () => {
	test('drops the number when only one generator came from the function', () => {
		const names = displayNames([created, sent]);
		expect(names.get('averager#1')).toBe('averager');
		expect(names.get('outer#1')).toBe('outer');
		expect(names.get('caller')).toBe('caller');
	});

	test('keeps the numbers when the function made two generators', () => {
		const names = displayNames([sent, { ...sent, generator: 'averager#2' }]);
		expect(names.get('averager#1')).toBe('averager#1');
		expect(names.get('averager#2')).toBe('averager#2');
		expect(names.get('outer#1')).toBe('outer');
	});
});

describe('labelOf', () => {
	test('writes each message as a reader would', () => {
		expect(labelOf(created)).toBe('outer()');
		expect(labelOf(sent)).toBe('send(2)');
		expect(labelOf({ kind: 'call', method: 'next', generator: 'g#1', caller: 'caller' })).toBe(
			'next()'
		);
		expect(labelOf(yielded)).toBe('yield 1');
		expect(labelOf({ ...yielded, kind: 'return', value: 'None' })).toBe('return None');
		expect(labelOf(raised)).toBe('raise TypeError: boom');
	});
});

describe('endsOf', () => {
	test('sends creations and calls to the generator and everything else back from it', () => {
		expect(endsOf(created)).toEqual({ from: 'caller', to: 'outer#1' });
		expect(endsOf(sent)).toEqual({ from: 'outer#1', to: 'averager#1' });
		expect(endsOf(yielded)).toEqual({ from: 'averager#1', to: 'outer#1' });
		expect(endsOf(raised)).toEqual({ from: 'averager#1', to: 'caller' });
	});
});
