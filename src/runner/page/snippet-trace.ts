/**
 * A snippet's Trace: runs every language of the snippet with tracing and draws
 * each trace, one above the other, so that the two protocols can be compared,
 * marking the line of each step in the highlighted code. A reader comparing them
 * can step both together. Loaded on the first Trace, with the trace view it
 * draws with.
 */
import type { Language } from '../../shared/languages.ts';
import type { TraceHandle } from '../../trace-view/trace-view.ts';
import type { RunOutcome } from './run-snippet.ts';
import { clearTraceLine, markTraceLine } from './trace-line.ts';

export interface TracedSnippet {
	/** The snippet's element, which holds its code, its Trace button and its trace panels. */
	root: HTMLElement;
	/** The languages the snippet has, in the order their traces are drawn. */
	languages: readonly Language[];
	/** The code to trace in a language: the reader's edit, or the documented code. */
	currentCode(language: Language): string;
	/** Runs one language with tracing, showing its verdict as a Run would. */
	run(language: Language, signal: AbortSignal): Promise<RunOutcome | undefined>;
}

/**
 * Traces every language of the snippet, one after the other, while its Trace
 * stays open; `signal` is the reader's request, which a later Run or Trace
 * anywhere on the page cancels, for the languages not yet traced too.
 */
export async function traceSnippet(snippet: TracedSnippet, signal: AbortSignal) {
	const { root, languages } = snippet;
	const toggle = root.querySelector<HTMLButtonElement>('[data-trace]');
	const bodyOf = (language: Language) =>
		root.querySelector<HTMLElement>(`[data-trace-for="${language}"] .trace-body`);
	const stillOpen = () => toggle?.getAttribute('aria-expanded') === 'true';
	for (const language of languages)
		bodyOf(language)?.replaceChildren(document.createTextNode('Running…'));
	const viewModule = import('../../trace-view/trace-view.ts');
	// Mermaid loads while the first language runs.
	viewModule.then(
		({ prepareTraceView }) => prepareTraceView(),
		() => undefined // Said where the trace is drawn.
	);
	// Each trace is drawn while the next language runs: the runs take turns in the sandbox, the drawing is the page's.
	const drawings: Promise<void>[] = [];
	const drawn = new Map<Language, TraceHandle>();
	const together = root.querySelector<HTMLInputElement>('[data-step-together]');
	/** With "step both together" on, a step the reader takes in one trace moves the others to it. */
	const follow = (language: Language, step: number) => {
		if (!together?.checked) return;
		for (const [other, handle] of drawn) if (other !== language) handle.goTo(step);
	};
	for (const language of languages) {
		const body = bodyOf(language);
		const code = snippet.currentCode(language);
		const outcome = await snippet.run(language, signal);
		if (!body || !stillOpen()) break;
		if (signal.aborted) {
			for (const untraced of languages.slice(languages.indexOf(language)))
				bodyOf(untraced)?.replaceChildren(
					document.createTextNode('Not traced: the run was stopped.')
				);
			break;
		}
		if (!outcome?.trace) {
			body.textContent = 'No trace: the run did not start.';
			continue;
		}
		const trace = outcome.trace;
		drawings.push(
			viewModule
				.then(({ showTrace }) =>
					showTrace(body, trace, {
						code,
						onStep: (line, step, byReader) => {
							if (line === undefined) clearTraceLine(root, language);
							else markTraceLine(root, language, line, { byReader });
							if (byReader) follow(language, step);
						},
					})
				)
				.then((handle) => {
					if (handle) drawn.set(language, handle);
				})
				.catch((error: Error) => {
					body.textContent = `The trace could not be drawn (${error.message}).`;
				})
		);
	}
	await Promise.all(drawings);
}
