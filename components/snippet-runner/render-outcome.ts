import type { RunOutcome } from './run-typescript.ts';

/** What the verdict line says for each outcome. */
export function describeOutcome(outcome: RunOutcome): string {
	switch (outcome.status) {
		case 'pass':
			return '✓ Pass: the output matches the transcript.';
		case 'fail':
			return '✗ Fail: the output differs from the transcript.';
		case 'error':
			return `✗ Error: ${outcome.error}`;
		case 'timeout':
			return `⏱ Timeout: stopped after ${outcome.seconds} s.`;
	}
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/**
 * The details under the verdict: a line diff for a failure, the output printed so
 * far otherwise. Everything is set as text, never as HTML, since it is the
 * program's output.
 */
export function renderOutcomeDetails(outcome: RunOutcome): HTMLElement[] {
	if (outcome.status === 'pass') return [];
	if (outcome.status === 'fail') {
		const legend = element('p', 'result-legend', 'Lines marked − are in the transcript only; lines marked + were printed only.');
		const diff = element('pre', 'result-diff');
		diff.setAttribute('aria-label', 'Difference between the transcript and the actual output');
		for (const line of outcome.diff) {
			const mark = { same: ' ', expected: '−', actual: '+' }[line.kind];
			diff.append(element('span', `diff-line diff-${line.kind}`, `${mark} ${line.text}\n`));
		}
		return [legend, diff];
	}
	if (outcome.output === '') return [];
	return [element('p', 'result-legend', 'Printed before it stopped:'), element('pre', 'result-output', outcome.output)];
}
