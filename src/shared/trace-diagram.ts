/**
 * A traced run as Mermaid sequence-diagram source: the caller and each
 * generator are participants, each event is one message, in order, and a
 * generator's activation bar runs from the call that resumes it to its yield,
 * return or raise. Message i of the diagram is event i of the trace, which is
 * how step mode finds the message to highlight.
 */
import { CALLER, displayNames, endsOf, labelOf, type TraceEvent } from './trace-event.ts';

/** Mermaid reads `#`, `;` and angle brackets in text as markup; its entity codes keep them literal. */
function escapeText(text: string): string {
	return text.replace(/[#;<>]/g, (character) => `#${character.charCodeAt(0)};`);
}

const ARROWS: Record<TraceEvent['kind'], string> = {
	create: '->>',
	call: '->>+',
	yield: '-->>-',
	return: '-->>-',
	// A cross at the caller's end: the call ended with an exception.
	raise: '--x-',
};

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
		const { from, to } = endsOf(event);
		if (event.kind === 'create' && !ids.has(event.generator)) {
			lines.push(
				`  create participant ${idOf(event.generator)} as ${escapeText(names.get(event.generator) ?? event.generator)}`
			);
		}
		lines.push(`  ${idOf(from)}${ARROWS[event.kind]}${idOf(to)}: ${escapeText(labelOf(event))}`);
	}
	return lines.join('\n');
}
