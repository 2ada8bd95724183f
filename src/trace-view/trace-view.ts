/**
 * The trace of a run, drawn for the reader: a sequence diagram (Mermaid, loaded
 * with this module, so only when a reader asks for a trace), a timeline of each
 * generator's state, and step mode, which walks through the events forwards and
 * back, highlighting the message, the states and the line of code.
 */
import type { RecordedTrace } from '../runner/page/run-snippet.ts';
import './trace-view.css';
import { toSequenceDiagram } from '../shared/trace-diagram.ts';
import {
	displayNames,
	endsOf,
	focusTrace,
	labelOf,
	stateAfter,
	type TraceEvent,
} from '../shared/trace-event.ts';
import { buildTimeline, describeRow } from './trace-timeline.ts';

export interface TraceViewOptions {
	/** The code that ran, to quote the line of each step. */
	code: string;
	/**
	 * Called on every step with the line to highlight in the code, if the event
	 * has one; `byReader` is false when the step was set with `goTo`.
	 */
	onStep(line: number | undefined, step: number, byReader: boolean): void;
}

/** A drawn trace, which another control (stepping both languages together) can move. */
export interface TraceHandle {
	/** Shows step `step` (0-based), or the last one where this trace has fewer. */
	goTo(step: number): void;
}

/** The zoom levels of a diagram; 1 is Mermaid's natural size, where labels are 14–16 px. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5];

const STATES = ['created', 'running', 'suspended', 'closed'] as const;
let diagramCount = 0;

/** Every setting that styles or loads something: a diagram's own `%%{init}%%` may not touch them. */
const MERMAID_SECURE_KEYS = [
	'secure',
	'securityLevel',
	'startOnLoad',
	'maxTextSize',
	'maxEdges',
	'theme',
	'themeVariables',
	'themeCSS',
	'fontFamily',
	'altFontFamily',
	'darkMode',
	'look',
	'htmlLabels',
	'sequence',
	'fontSize',
	'logLevel',
	'suppressErrorRendering',
	'dompurifyConfig',
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/**
 * Diagrams drawn so far, by their Mermaid source, most recent last: tracing the
 * same run again (the same program prints the same events) draws nothing new.
 */
const drawnDiagrams = new Map<string, { id: string; svg: string }>();
const MAX_DRAWN_DIAGRAMS = 20;

let mermaidLoaded: Promise<typeof import('mermaid').default> | undefined;

/**
 * Mermaid, with the code for sequence diagrams, which it loads only when it first
 * meets one: parsing a small diagram loads it, so the first trace draws at once.
 */
function loadMermaid() {
	mermaidLoaded ??= (
		import(/* @vite-ignore */ `${import.meta.env.BASE_URL}${__MERMAID_PATH__}`) as Promise<
			typeof import('mermaid')
		>
	).then(async ({ default: mermaid }) => {
		configureMermaid(mermaid);
		await mermaid.parse('sequenceDiagram\n  A->>B: ready').catch(() => undefined);
		return mermaid;
	});
	return mermaidLoaded;
}

/** Loads what drawing a trace needs, for a reader who is about to ask for one. */
export function prepareTraceView() {
	void loadMermaid();
}

function configureMermaid(mermaid: typeof import('mermaid').default) {
	// The same look as the chapters' diagrams, which are drawn at build time with Mermaid's defaults.
	mermaid.initialize({
		startOnLoad: false,
		securityLevel: 'strict',
		theme: 'default',
		// Drawn at its natural size, in a box that scrolls: shrunk to the column, a long trace's labels were unreadable.
		sequence: { mirrorActors: false, useMaxWidth: false },
		// A directive in the diagram's text may change none of this, whatever reaches a label.
		secure: [...MERMAID_SECURE_KEYS],
	});
}

async function render(source: string): Promise<{ id: string; svg: string }> {
	const mermaid = await loadMermaid();
	// Set again before every drawing, whatever an earlier diagram's text asked for.
	configureMermaid(mermaid);
	const id = `mermaid-trace-${++diagramCount}`;
	const { svg } = await mermaid.render(id, source);
	return { id, svg };
}

async function drawDiagram(events: TraceEvent[]): Promise<HTMLElement> {
	const source = toSequenceDiagram(events);
	let drawn = drawnDiagrams.get(source);
	// Mermaid's SVG styles itself by its element's id, so one drawing may not be on the page twice.
	if (!drawn || document.getElementById(drawn.id)) drawn = await render(source);
	drawnDiagrams.delete(source);
	drawnDiagrams.set(source, drawn);
	if (drawnDiagrams.size > MAX_DRAWN_DIAGRAMS)
		drawnDiagrams.delete(drawnDiagrams.keys().next().value!);
	const container = element('div', 'trace-diagram');
	// Focusable, so that a keyboard reader can scroll it too.
	container.tabIndex = 0;
	container.setAttribute('role', 'group');
	container.setAttribute('aria-label', 'Sequence diagram of the run');
	// Mermaid sanitises what it draws (securityLevel 'strict'); values in labels are escaped as text.
	container.innerHTML = drawn.svg;
	return container;
}

/** Zoom out and in: the diagram's width is its natural width times the zoom. */
function drawZoomControls(diagram: HTMLElement): HTMLElement {
	const svg = diagram.querySelector('svg');
	const naturalWidth = Number(svg?.getAttribute('width')) || svg?.viewBox.baseVal.width || 0;
	const group = element('span', 'trace-zoom');
	group.setAttribute('role', 'group');
	group.setAttribute('aria-label', 'Zoom');
	const out = element('button', 'button trace-zoom-button', '−');
	const zoomIn = element('button', 'button trace-zoom-button', '+');
	const level = element('span', 'trace-zoom-level');
	out.type = zoomIn.type = 'button';
	out.setAttribute('aria-label', 'Zoom out');
	zoomIn.setAttribute('aria-label', 'Zoom in');
	let index = ZOOMS.indexOf(1);
	function apply() {
		const zoom = ZOOMS[index]!;
		if (svg && naturalWidth) {
			svg.style.width = `${naturalWidth * zoom}px`;
			svg.style.height = 'auto';
		}
		level.textContent = `${Math.round(zoom * 100)}%`;
		out.setAttribute('aria-disabled', String(index === 0));
		zoomIn.setAttribute('aria-disabled', String(index === ZOOMS.length - 1));
	}
	out.addEventListener('click', () => {
		index = Math.max(0, index - 1);
		apply();
	});
	zoomIn.addEventListener('click', () => {
		index = Math.min(ZOOMS.length - 1, index + 1);
		apply();
	});
	apply();
	group.append(out, level, zoomIn);
	return group;
}

/** Scrolls the diagram's box (never the page) so that `target` is in view. */
function scrollIntoBox(box: HTMLElement, target: Element | undefined) {
	if (!target) return;
	const outer = box.getBoundingClientRect();
	const inner = target.getBoundingClientRect();
	const margin = 24;
	if (inner.top < outer.top + margin || inner.bottom > outer.bottom - margin)
		box.scrollTop += inner.top - outer.top - box.clientHeight / 3;
	if (inner.left < outer.left || inner.right > outer.right)
		box.scrollLeft += inner.left - outer.left - margin;
}

function drawTimeline(
	events: TraceEvent[],
	names: Map<string, string>
): { timeline: HTMLElement; columns: HTMLElement[][] } {
	const timeline = element('div', 'trace-timeline');
	timeline.setAttribute('role', 'group');
	timeline.setAttribute('aria-label', 'Generator states, step by step');
	const columns: HTMLElement[][] = events.map(() => []);
	for (const row of buildTimeline(events)) {
		const line = element('div', 'timeline-row');
		const name = names.get(row.generator) ?? row.generator;
		line.append(element('span', 'timeline-name', name));
		const cells = element('div', 'timeline-cells');
		cells.setAttribute('aria-hidden', 'true');
		cells.style.setProperty('--steps', String(events.length));
		for (const [step, state] of row.states.entries()) {
			const cell = element('span', `timeline-cell state-${state ?? 'none'}`);
			if (state) cell.title = `Step ${step + 1}: ${name} ${state}`;
			cells.append(cell);
			columns[step]!.push(cell);
		}
		line.append(cells, element('span', 'sr-only', `${name}: ${describeRow(row)}.`));
		timeline.append(line);
	}
	const legend = element('p', 'timeline-legend');
	for (const state of STATES) {
		const key = element('span', 'timeline-key');
		key.append(element('span', `timeline-cell state-${state}`), state);
		legend.append(key);
	}
	legend.setAttribute('aria-hidden', 'true');
	timeline.append(legend);
	return { timeline, columns };
}

function describeStep(event: TraceEvent, names: Map<string, string>, codeLines: string[]): string {
	const { from, to } = endsOf(event);
	const name = (participant: string) => names.get(participant) ?? participant;
	const where =
		event.line === undefined
			? ''
			: ` · line ${event.line}: ${codeLines[event.line - 1]?.trim() ?? ''}`;
	return `${name(from)} → ${name(to)}: ${labelOf(event)}${where} · ${name(event.generator)} is ${stateAfter(event)}`;
}

/** Draws `trace` into `section`, replacing what was there. */
export async function showTrace(
	section: HTMLElement,
	trace: RecordedTrace,
	options: TraceViewOptions
): Promise<TraceHandle | undefined> {
	const events = focusTrace(trace.events);
	if (events.length === 0) {
		section.replaceChildren(element('p', 'trace-empty', 'This run made no call to trace.'));
		return undefined;
	}
	const names = displayNames(events);
	const codeLines = options.code.split('\n');
	const diagram = await drawDiagram(events);
	const { timeline, columns } = drawTimeline(events, names);
	// Message i of the diagram is event i; without that match, step mode still works, without the highlight.
	const messages = [...diagram.querySelectorAll('.messageText')];
	const arrows = [...diagram.querySelectorAll('[class^="messageLine"]')];
	const highlighted =
		messages.length === events.length
			? events.map((_, step) => [messages[step]!, arrows[step]].filter(Boolean) as Element[])
			: [];

	const controls = element('div', 'trace-controls');
	const back = element('button', 'button trace-step-button', '← Back');
	const forward = element('button', 'button trace-step-button', 'Forward →');
	back.type = forward.type = 'button';
	back.dataset.step = 'back';
	forward.dataset.step = 'forward';
	const slider = element('input', 'trace-slider');
	slider.type = 'range';
	slider.min = '1';
	slider.max = String(events.length);
	slider.setAttribute('aria-label', 'Step');
	const position = element('span', 'trace-position');
	controls.append(back, forward, slider, position, drawZoomControls(diagram));
	const description = element('p', 'trace-step');
	description.setAttribute('aria-live', 'polite');

	let current = 0;
	function show(step: number, byReader = true) {
		for (const node of [...(highlighted[current] ?? []), ...(columns[current] ?? [])])
			node.classList.remove('is-current');
		current = step;
		for (const node of [...(highlighted[current] ?? []), ...(columns[current] ?? [])])
			node.classList.add('is-current');
		const event = events[current]!;
		position.textContent = `Step ${current + 1} of ${events.length}`;
		description.textContent = describeStep(event, names, codeLines);
		description.dataset.kind = event.kind;
		slider.value = String(current + 1);
		slider.setAttribute('aria-valuetext', `Step ${current + 1} of ${events.length}`);
		// aria-disabled rather than disabled, so that focus stays on the button at either end.
		back.setAttribute('aria-disabled', String(current === 0));
		forward.setAttribute('aria-disabled', String(current === events.length - 1));
		scrollIntoBox(diagram, highlighted[current]?.[0]);
		options.onStep(event.line, current, byReader);
	}
	back.addEventListener('click', () => show(Math.max(0, current - 1)));
	forward.addEventListener('click', () => show(Math.min(events.length - 1, current + 1)));
	slider.addEventListener('input', () => show(Number(slider.value) - 1));
	// Arrow keys step from the buttons too, as they do on the slider (which handles its own).
	controls.addEventListener('keydown', (event) => {
		if (event.target === slider) return;
		const last = events.length - 1;
		const step = {
			ArrowLeft: current - 1,
			ArrowRight: current + 1,
			Home: 0,
			End: last,
		}[event.key];
		if (step === undefined) return;
		event.preventDefault();
		show(Math.min(last, Math.max(0, step)));
	});

	const parts: HTMLElement[] = [controls, description, diagram, timeline];
	if (trace.truncated)
		parts.push(
			element(
				'p',
				'trace-note',
				`The trace stops after ${trace.events.length} events; the run went on.`
			)
		);
	section.replaceChildren(...parts);
	show(0, false);
	return { goTo: (step) => show(Math.min(events.length - 1, Math.max(0, step)), false) };
}
