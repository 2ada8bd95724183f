import { showControlCharacters } from '../../shared/compare-output.ts';
import type { RunOutcome } from './run-snippet.ts';

/**
 * What the verdict line says for each outcome. For code the reader changed, a
 * difference is news about the edit, not a failure of the documented example.
 */
export function describeOutcome(outcome: RunOutcome, { edited }: { edited: boolean }): string {
	switch (outcome.status) {
		case 'pass':
			return edited
				? '✓ Your edit prints the documented transcript.'
				: '✓ Pass: the output matches the transcript.';
		case 'fail':
			if (outcome.truncated) return '✗ The output was too long and was cut short.';
			return edited
				? '≠ Your edit’s output differs from the documented transcript.'
				: '✗ Fail: the output differs from the transcript.';
		case 'error':
			return `✗ Error: ${outcome.error}`;
		case 'timeout':
			return outcome.reason === 'stuck'
				? `⏱ Timeout: stopped after ${outcome.seconds} s — the program was busy and never gave control back.`
				: `⏱ Timeout: stopped after ${outcome.seconds} s — the program was still waiting.`;
		case 'stopped':
			return '■ Stopped before it finished.';
		case 'unavailable':
			return `the runner is unavailable here (${outcome.reason}), so this cannot be checked in the page.`;
	}
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Printed text, focusable so that a keyboard can scroll a long line into view. */
function printed(text: string, className = '') {
	const block = element('pre', `result-output ${className}`.trim(), showControlCharacters(text));
	block.tabIndex = 0;
	return block;
}

/**
 * The details under the verdict: a line diff for a failure, the output printed so
 * far otherwise. Everything is set as text, never as HTML, since it is the
 * program's output.
 */
export function renderOutcomeDetails(outcome: RunOutcome): HTMLElement[] {
	if (outcome.status === 'unavailable') return [];
	const details: HTMLElement[] = [];
	if (outcome.status === 'pass') {
		// Nothing to show but what went to stderr, if anything.
	} else if (outcome.status === 'fail') {
		details.push(
			element(
				'p',
				'result-legend',
				'Lines marked − are in the transcript only; lines marked + were printed only.'
			)
		);
		const diff = element('pre', 'result-diff');
		diff.setAttribute('aria-label', 'Difference between the transcript and the actual output');
		diff.tabIndex = 0;
		for (const line of outcome.diff) {
			const mark = { same: ' ', expected: '−', actual: '+' }[line.kind];
			const text = showControlCharacters(line.text);
			diff.append(element('span', `diff-line diff-${line.kind}`, `${mark} ${text}\n`));
		}
		details.push(diff);
	} else if (outcome.output !== '') {
		details.push(element('p', 'result-legend', 'Printed before it stopped:'));
		details.push(printed(outcome.output));
	}
	if (outcome.stderr !== '') {
		details.push(
			element('p', 'result-legend', 'Printed to stderr (not compared with the transcript):')
		);
		details.push(printed(outcome.stderr, 'result-stderr'));
	}
	if (outcome.truncated)
		details.push(
			element(
				'p',
				'result-legend',
				'Output truncated: the program printed more than the page shows.'
			)
		);
	return details;
}
