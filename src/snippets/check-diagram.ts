import { compareOutput, type OutputComparison } from '../shared/compare-output.ts';
import { toMermaidMessage } from '../shared/trace-diagram.ts';
import { displayNames, type TraceEvent } from '../shared/trace-event.ts';

/**
 * Checks a documented sequence diagram against what its snippet really does.
 *
 * The run is the page's own: recorded in Pyodide by the trace view's recorder
 * (`recorders/trace_generators.py`, asked to record plain functions too) and
 * turned into Mermaid messages by the trace view's renderer (`toMermaidMessage`).
 * Both sides then become the same lines, `caller ->> generator: next`, so that
 * any drift shows as a line diff:
 * - participants by the function they stand for: the diagram's "Other Function"
 *   is `other_function`, its "Caller" the top-level code, which the recorder
 *   calls `caller`; a remark in parentheses is for the reader ("run (the
 *   scheduler)" is `run`), and where a run makes several generators of one
 *   function, "task 2" is the second, which the recorder calls `task#2`;
 * - the arrow, solid `->>` or dashed `-->>`, without activation markers, so that
 *   a yield drawn solid is a difference;
 * - the kind of message, the first word of its label: `next()` is next,
 *   `yield 'x'` yield, "return/StopIteration" return.
 *
 * Creating a generator hands over no control, and the diagrams do not draw it:
 * the run's `create` events are left out.
 */

const MESSAGE = /^\s*(\w+)\s*(-->>|->>|--x|-x)([+-]?)\s*(\w+)\s*:\s*(.+?)\s*$/;
const PARTICIPANT = /^\s*(?:create\s+)?(?:participant|actor)\s+(\w+)(?:\s+as\s+(.+?))?\s*$/;

/**
 * Diagrams name participants the way prose does: "Other Function" is `other_function`,
 * "run (the scheduler)" is `run`, and "task 2", the second generator of `task`, is `task#2`.
 */
export function toParticipantName(label: string): string {
	return label
		.replace(/\([^)]*\)/g, '')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, '_')
		.replace(/_(\d+)$/, '#$1');
}

/** The first word of a label: `next()` → next, `return/StopIteration` → return. */
export function kindOf(label: string): string {
	return label
		.trim()
		.toLowerCase()
		.split(/[\s(/]/)[0]!;
}

function formatMessage(from: string, arrow: string, to: string, kind: string) {
	return `${from} ${arrow} ${to}: ${kind}`;
}

/** The diagram's messages as lines; participant declarations name them, `activate` lines say nothing. */
export function readDiagramMessages(source: string): string[] {
	const names = new Map<string, string>();
	const nameOf = (id: string) => names.get(id) ?? toParticipantName(id);
	const lines: string[] = [];
	for (const line of source.split('\n')) {
		const participant = PARTICIPANT.exec(line);
		if (participant) {
			const [, id, label] = participant;
			names.set(id!, toParticipantName(label ?? id!));
			continue;
		}
		const message = MESSAGE.exec(line);
		if (message) {
			const [, from, arrow, , to, label] = message;
			lines.push(formatMessage(nameOf(from!), arrow!, nameOf(to!), kindOf(label!)));
		}
	}
	return lines;
}

/** A recorded run's messages as lines, drawn as the trace view draws them. */
export function readRunMessages(events: TraceEvent[]): string[] {
	const names = displayNames(events);
	const nameOf = (participant: string) => names.get(participant) ?? participant;
	return events
		.filter((event) => event.kind !== 'create')
		.map((event) => {
			const { from, arrow, to, label } = toMermaidMessage(event);
			return formatMessage(nameOf(from), arrow.replace(/[+-]$/, ''), nameOf(to), kindOf(label));
		});
}

export function compareDiagramWithRun(
	diagramSource: string,
	events: TraceEvent[]
): OutputComparison {
	return compareOutput(
		readDiagramMessages(diagramSource).join('\n'),
		readRunMessages(events).join('\n')
	);
}
