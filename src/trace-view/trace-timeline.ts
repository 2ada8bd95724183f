/**
 * Each generator's state after every step of a traced run, for the timeline
 * under the diagram: a row per generator, a column per event.
 */
import { stateAfter, type GeneratorState, type TraceEvent } from '../shared/trace-event.ts';

/** `undefined` before the generator exists. */
export type TimelineRow = { generator: string; states: (GeneratorState | undefined)[] };

export function buildTimeline(events: TraceEvent[]): TimelineRow[] {
	const rows = new Map<string, TimelineRow>();
	const current = new Map<string, GeneratorState>();
	for (const [step, event] of events.entries()) {
		current.set(event.generator, stateAfter(event));
		if (!rows.has(event.generator))
			rows.set(event.generator, {
				generator: event.generator,
				states: Array<undefined>(step).fill(undefined),
			});
		for (const row of rows.values()) row.states.push(current.get(row.generator));
	}
	return [...rows.values()];
}

/** "created at 1, running at 2, suspended at 3–5" (steps), for readers who cannot see the colours. */
export function describeRow(row: TimelineRow): string {
	const spans: string[] = [];
	let start = 0;
	for (let step = 1; step <= row.states.length; step++) {
		if (step < row.states.length && row.states[step] === row.states[start]) continue;
		const state = row.states[start];
		if (state)
			spans.push(
				step - start === 1 ? `${state} at ${start + 1}` : `${state} at ${start + 1}–${step}`
			);
		start = step;
	}
	return spans.join(', ');
}
