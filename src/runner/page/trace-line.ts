/**
 * The mark on the line of code that the current trace step ran, in a snippet's
 * highlighted code.
 */
import type { Language } from '../../shared/languages.ts';

/** Clears the mark of a trace step from a snippet's code. */
export function clearTraceLine(root: HTMLElement) {
	for (const marked of root.querySelectorAll('.line.trace-line'))
		marked.classList.remove('trace-line');
}

/** Marks the line of the current trace step in the highlighted code, opening folded lines to show it. */
export function markTraceLine(root: HTMLElement, language: Language, lineNumber: number) {
	clearTraceLine(root);
	const line = root.querySelectorAll(`[data-code="${language}"] .line`)[lineNumber - 1];
	line?.classList.add('trace-line');
	if (line?.classList.contains('folded')) {
		const panel = line.closest('.snippet-panel');
		const fold = panel?.querySelector<HTMLInputElement>('[data-fold-toggle]');
		if (fold) fold.checked = true;
	}
}
