/**
 * A traced run as Mermaid sequence-diagram source: the caller and each
 * generator are participants, each event is one message, in order, and a
 * generator's activation bar runs from the call that resumes it to its yield,
 * return or raise. Message i of the diagram is event i of the trace, which is
 * how step mode finds the message to highlight.
 *
 * `toMermaidMessage` is the one place an event becomes a message; the diagram
 * contract (`snippets/check-diagram.ts`) reads a recorded run through it too.
 */
import { CALLER, displayNames, endsOf, labelOf, type TraceEvent } from './trace-event.ts';

/**
 * Labels hold what the reader's program yielded, so they are text, never markup:
 * Mermaid reads `#`, `;` and angle brackets as markup, `%%` as a comment or a
 * directive that reconfigures the whole diagram (`%%{init: …}%%`), and braces as
 * the start of one. Its entity codes keep all of them literal.
 */
function escapeText(text: string): string {
	return text.replace(/[#;<>%{}]/g, (character) => `#${character.charCodeAt(0)};`);
}

/** Each arrow with its activation marker: `+` starts the callee's activation bar, `-` ends it. */
const ARROWS: Record<TraceEvent['kind'], string> = {
	create: '->>',
	call: '->>+',
	// Dashed, as the chapters draw it: a generator handing control back paused, not finished.
	yield: '-->>-',
	// Solid: a generator that returns is finished, like a function that returns.
	return: '->>-',
	// A cross at the caller's end: the call ended with an exception.
	raise: '--x-',
	'function-call': '->>+',
	'function-return': '->>-',
};

/** One message of a sequence diagram, between participants named as the trace names them. */
export interface MermaidMessage {
	from: string;
	arrow: string;
	to: string;
	label: string;
}

export function toMermaidMessage(event: TraceEvent): MermaidMessage {
	const { from, to } = endsOf(event);
	return { from, arrow: ARROWS[event.kind], to, label: labelOf(event) };
}

export function toSequenceDiagram(events: TraceEvent[]): string {
	const names = displayNames(events);
	const ids = new Map<string, string>([[CALLER, 'caller']]);
	const idOf = (name: string) => {
		if (!ids.has(name)) ids.set(name, `g${ids.size}`);
		return ids.get(name)!;
	};
	const created = new Set(
		events.filter((event) => event.kind === 'create').map((event) => event.generator)
	);
	const lines = ['sequenceDiagram', '  participant caller as caller'];
	// Generators the trace saw only already made are there from the start; the others appear when created.
	for (const event of events) {
		for (const name of [event.generator, event.caller]) {
			if (name !== CALLER && !created.has(name) && !ids.has(name)) {
				lines.push(`  participant ${idOf(name)} as ${escapeText(names.get(name) ?? name)}`);
			}
		}
	}
	for (const event of events) {
		if (event.kind === 'create' && !ids.has(event.generator)) {
			lines.push(
				`  create participant ${idOf(event.generator)} as ${escapeText(names.get(event.generator) ?? event.generator)}`
			);
		}
		const { from, arrow, to, label } = toMermaidMessage(event);
		lines.push(`  ${idOf(from)}${arrow}${idOf(to)}: ${escapeText(label)}`);
	}
	return lines.join('\n');
}
