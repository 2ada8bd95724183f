import { showControlCharacters } from '../../shared/compare-output.ts';
import type { Language } from '../../shared/languages.ts';
import type { CodeFrame } from '../protocol.ts';
import type { RunOutcome } from './run-snippet.ts';
import type { SnippetEditor } from './snippet-editor.ts';
import { clearLineMarks, markCodeLine, showLanguage } from './code-line-mark.ts';

/**
 * An error as the verdict names it: its type, its message if it has one (a bare
 * `StopIteration` has none), and the line in the reader's code.
 */
export function formatError(name: string, message: string, line?: number): string {
	return `${name}${message === '' ? '' : `: ${message}`}${line ? ` (line ${line})` : ''}`;
}

/**
 * What the verdict line says for each outcome. For code the reader changed, a
 * difference is news about the edit, not a failure of the documented example.
 */
export function describeOutcome(
	outcome: RunOutcome,
	{ edited, exercise = false }: { edited: boolean; exercise?: boolean }
): string {
	switch (outcome.status) {
		case 'pass':
			if (exercise) return '✓ Solved: your program prints the target output.';
			return edited
				? '✓ Your edit prints the documented transcript.'
				: '✓ Pass: the output matches the transcript.';
		case 'fail':
			if (outcome.truncated) return '✗ The output was too long and was cut short.';
			if (exercise) return '≠ Not yet: the output differs from the target.';
			return edited
				? '≠ Your edit prints something other than the expected output.'
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

/** What the run printed, behind a summary: closed when it matched, open when it did not. */
function printedBehindSummary(output: string, open: boolean): HTMLElement {
	const box = element('details', 'result-printed');
	box.open = open;
	const lines = output === '' ? 0 : output.split('\n').length;
	box.append(
		element('summary', '', `What it printed (${lines} ${lines === 1 ? 'line' : 'lines'})`),
		printed(output)
	);
	return box;
}

/** "line 3, in gen": a frame as Python's traceback names it. */
export function describeFrame({ line, name }: CodeFrame): string {
	return name === undefined ? `line ${line}, at the top level` : `line ${line}, in ${name}`;
}

/**
 * The calls in the reader's code that led to an error, outermost first, each a
 * button that shows its line in the code.
 */
function traceback(frames: CodeFrame[], goToLine: (line: number) => void): HTMLElement[] {
	const list = element('ol', 'result-frames');
	for (const frame of frames) {
		const item = element('li', '');
		const button = element('button', 'result-frame', describeFrame(frame));
		button.type = 'button';
		button.title = `Show line ${frame.line} in the code`;
		button.addEventListener('click', () => goToLine(frame.line));
		item.append(button);
		list.append(item);
	}
	return [element('p', 'result-legend', 'Where, in your code (most recent call last):'), list];
}

/**
 * Marks the line of an error in a snippet's code: in its editor when the reader
 * is editing, else in the highlighted code, opening folded lines. With `reveal`
 * (the reader asked to see it), the line's language is shown, and the line is
 * scrolled into view and focused. `null` clears the mark.
 */
export function markErrorLine(
	root: HTMLElement,
	language: Language,
	line: number | null,
	{ editor, reveal = false }: { editor?: SnippetEditor; reveal?: boolean } = {}
) {
	if (reveal) showLanguage(root, language);
	clearLineMarks(root, 'error-line', language);
	if (editor) {
		editor.markErrorLine(line, reveal);
		if (reveal) editor.focus();
		return;
	}
	const marked = line === null ? undefined : markCodeLine(root, language, line, 'error-line');
	if (!marked || !reveal) return;
	root.querySelector<HTMLElement>(`[data-code="${language}"]`)?.focus({ preventScroll: true });
	marked.scrollIntoView({ block: 'center' });
}

/**
 * The details under the verdict: for a finished run, what it printed (and for a
 * difference, a line diff against the expected output); for an error, the calls
 * in the reader's code that led to it; for a run that did not finish, what it
 * printed so far. Everything is set as text, never as HTML, since it is the
 * program's output. A difference in code the reader edited is shown as news
 * about the edit, in a neutral tone, not as a failure.
 */
export function renderOutcomeDetails(
	outcome: RunOutcome,
	{ edited, goToLine }: { edited: boolean; goToLine?: (line: number) => void } = { edited: false }
): HTMLElement[] {
	if (outcome.status === 'unavailable') return [];
	const details: HTMLElement[] = [];
	if (outcome.status === 'error' && goToLine && outcome.frames.length > 0)
		details.push(...traceback(outcome.frames, goToLine));
	if (outcome.status === 'pass') {
		details.push(printedBehindSummary(outcome.output, false));
	} else if (outcome.status === 'fail') {
		details.push(
			element(
				'p',
				'result-legend',
				edited
					? 'Lines marked + are what your edit prints; lines marked − are expected and not printed.'
					: 'Lines marked − are in the transcript only; lines marked + were printed only.'
			)
		);
		const diff = element('pre', edited ? 'result-diff result-diff-edit' : 'result-diff');
		diff.setAttribute('aria-label', 'Difference between the expected and the actual output');
		diff.tabIndex = 0;
		for (const line of outcome.diff) {
			const mark = { same: ' ', expected: '−', actual: '+' }[line.kind];
			const text = showControlCharacters(line.text);
			diff.append(element('span', `diff-line diff-${line.kind}`, `${mark} ${text}\n`));
		}
		details.push(diff, printedBehindSummary(outcome.output, true));
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
