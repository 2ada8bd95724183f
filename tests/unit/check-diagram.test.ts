/** The diagram contract's two readers: a documented Mermaid diagram, and a recorded run. */
import { describe, expect, test } from 'vitest';
import {
	compareDiagramWithRun,
	kindOf,
	readDiagramMessages,
	readRunMessages,
	toParticipantName,
} from '../../src/snippets/check-diagram.ts';
import type { TraceEvent } from '../../src/shared/trace-event.ts';

describe('readDiagramMessages', () => {
	test('names participants through their aliases, the way prose names functions', () => {
		const source = [
			'sequenceDiagram',
			'  participant c as Caller',
			'  participant f2 as Other Function',
			'  c->>f2: call',
			'  f2->>c: return',
		].join('\n');
		expect(readDiagramMessages(source)).toEqual([
			'caller ->> other_function: call',
			'other_function ->> caller: return',
		]);
	});

	test('reads participants that have no alias by their own names', () => {
		expect(readDiagramMessages('sequenceDiagram\n  Caller->>Generator: next')).toEqual([
			'caller ->> generator: next',
		]);
	});

	test('keeps a dashed arrow apart from a solid one', () => {
		const source = 'sequenceDiagram\n  g-->>c: yield\n  g->>c: yield';
		expect(readDiagramMessages(source)).toEqual(['g -->> c: yield', 'g ->> c: yield']);
	});

	test('ignores activation lines and activation markers on arrows', () => {
		const source = [
			'sequenceDiagram',
			'  participant c as Caller',
			'  participant g as Generator',
			'  activate c',
			'  c->>+g: next',
			'  deactivate c',
			'  g-->>-c: yield',
			'  deactivate g',
		].join('\n');
		expect(readDiagramMessages(source)).toEqual([
			'caller ->> generator: next',
			'generator -->> caller: yield',
		]);
	});

	test('takes the first word of a label as the kind of message', () => {
		const source =
			'sequenceDiagram\n  c->>g: next()\n  g-->>c: yield 1\n  g->>c: return/StopIteration';
		expect(readDiagramMessages(source)).toEqual([
			'c ->> g: next',
			'g -->> c: yield',
			'g ->> c: return',
		]);
	});
});

test('prose names and labels reduce to function names and kinds', () => {
	expect(toParticipantName(' Other  Function ')).toBe('other_function');
	expect(toParticipantName('run (the scheduler)')).toBe('run');
	expect(toParticipantName('task 2')).toBe('task#2');
	expect(toParticipantName('averager 12 (second group)')).toBe('averager#12');
	expect(kindOf("return 'some value'")).toBe('return');
	expect(kindOf('send(2)')).toBe('send');
	expect(kindOf('Return/StopIteration')).toBe('return');
});

/** A run of the first chapter's second snippet, as the recorder reports it with functions on. */
const run: TraceEvent[] = [
	{ kind: 'create', generator: 'generator#1', caller: 'caller' },
	{ kind: 'call', method: 'next', generator: 'generator#1', caller: 'caller' },
	{ kind: 'yield', value: "'something'", generator: 'generator#1', caller: 'caller' },
	{ kind: 'function-call', generator: 'function', caller: 'caller' },
	{ kind: 'function-return', value: "'a value'", generator: 'function', caller: 'caller' },
];

describe('readRunMessages', () => {
	test('leaves out creation, and draws a yield dashed and a plain return solid', () => {
		expect(readRunMessages(run)).toEqual([
			'caller ->> generator: next',
			'generator -->> caller: yield',
			'caller ->> function: call',
			'function ->> caller: return',
		]);
	});

	test('keeps the numbers of generators when a function made two', () => {
		const second = run.slice(0, 3).map((event) => ({ ...event, generator: 'generator#2' }));
		expect(readRunMessages([...run.slice(0, 3), ...second])).toEqual([
			'caller ->> generator#1: next',
			'generator#1 -->> caller: yield',
			'caller ->> generator#2: next',
			'generator#2 -->> caller: yield',
		]);
	});
});

describe('compareDiagramWithRun', () => {
	const diagram = (yieldArrow: string) =>
		[
			'sequenceDiagram',
			'  participant c as Caller',
			'  participant g as Generator',
			'  participant f as Function',
			'  c->>g: next',
			`  g${yieldArrow}c: yield`,
			'  c->>f: call',
			'  f->>c: return',
		].join('\n');

	test('passes a diagram that draws the run', () => {
		expect(compareDiagramWithRun(diagram('-->>'), run).pass).toBe(true);
	});

	test('fails a diagram that draws a yield solid', () => {
		const comparison = compareDiagramWithRun(diagram('->>'), run);
		expect(comparison.pass).toBe(false);
		expect(comparison.diff).toContainEqual({
			kind: 'expected',
			text: 'generator ->> caller: yield',
		});
		expect(comparison.diff).toContainEqual({
			kind: 'actual',
			text: 'generator -->> caller: yield',
		});
	});
});
