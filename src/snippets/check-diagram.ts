import { compareOutput, type OutputComparison } from '../shared/compare-output.ts';

/**
 * Checks a documented sequence diagram against what its snippet really does.
 *
 * Both sides become the same lines, `Caller ->> Generator: next`, so that any
 * drift shows as a line diff: the diagram from its Mermaid source, the run from
 * the trace of who handed control to whom (see `python/trace_calls.py`).
 */

/** One hand-over of control: [from, to, kind], with function names as the run knows them. */
export type TraceMessage = [from: string, to: string, kind: string];

const MESSAGE = /^\s*(\w+)\s*(-->>|->>)\s*(\w+)\s*:\s*(.+?)\s*$/;
const PARTICIPANT = /^\s*participant\s+(\w+)(?:\s+as\s+(.+?))?\s*$/;

/** The top-level code of a snippet is the diagram's caller. */
const MODULE = '<module>';

/** Diagram labels name functions the way prose does: "Other Function" is `other_function`, "Caller" the top-level code. */
function toFunctionName(label: string): string {
	const name = label.trim().toLowerCase().replace(/\s+/g, '_');
	return name === 'caller' ? MODULE : name;
}

/** "return/StopIteration" is the diagram's way of saying the generator returned. */
function toKind(text: string): string {
	return text.trim().toLowerCase().split('/')[0]!;
}

function formatMessage(from: string, arrow: string, to: string, kind: string) {
	return `${from} ${arrow} ${to}: ${kind}`;
}

/** The diagram's messages as lines, with participants named by the functions they stand for. */
export function readDiagramMessages(source: string): string[] {
	const names = new Map<string, string>();
	const lines: string[] = [];
	for (const line of source.split('\n')) {
		const participant = PARTICIPANT.exec(line);
		if (participant) {
			names.set(participant[1]!, toFunctionName(participant[2] ?? participant[1]!));
			continue;
		}
		const message = MESSAGE.exec(line);
		if (message) {
			const [, from, arrow, to, text] = message;
			lines.push(
				formatMessage(
					names.get(from!) ?? toFunctionName(from!),
					arrow!,
					names.get(to!) ?? toFunctionName(to!),
					toKind(text!)
				)
			);
		}
	}
	return lines;
}

/** The run's messages as lines; a yield is drawn dashed, every other hand-over solid. */
export function readTraceMessages(trace: TraceMessage[]): string[] {
	return trace.map(([from, to, kind]) =>
		formatMessage(from, kind === 'yield' ? '-->>' : '->>', to, kind)
	);
}

export function compareDiagramWithTrace(
	diagramSource: string,
	trace: TraceMessage[]
): OutputComparison {
	return compareOutput(
		readDiagramMessages(diagramSource).join('\n'),
		readTraceMessages(trace).join('\n')
	);
}
