/**
 * Marks on lines of a snippet's highlighted code: the line of a trace step
 * (`trace-line`) and the line of an error (`error-line`), one of each kind per
 * language.
 */
import type { Language } from '../../shared/languages.ts';

export type LineMark = 'trace-line' | 'error-line';

/** Clears a kind of mark from a snippet's code, or from one language's. */
export function clearLineMarks(root: HTMLElement, mark: LineMark, language?: Language) {
	const code = language ? `[data-code="${language}"] ` : '';
	for (const marked of root.querySelectorAll(`${code}.line.${mark}`)) marked.classList.remove(mark);
}

/**
 * Moves a language's mark to line `lineNumber` (1-based) of its code, opening
 * the fold that hides the line. Returns the line, if the code has it.
 */
export function markCodeLine(
	root: HTMLElement,
	language: Language,
	lineNumber: number,
	mark: LineMark
): Element | undefined {
	clearLineMarks(root, mark, language);
	const line = root.querySelectorAll(`[data-code="${language}"] .line`)[lineNumber - 1];
	if (!line) return undefined;
	line.classList.add(mark);
	if (line.classList.contains('folded')) {
		const panel = line.closest('.snippet-panel');
		const fold = panel?.querySelector<HTMLInputElement>('[data-fold-toggle]');
		if (fold) fold.checked = true;
	}
	return line;
}

/** Shows a language's code, choosing its tab as the reader would if another one is chosen. */
export function showLanguage(root: HTMLElement, language: Language) {
	const panel = root.querySelector<HTMLElement>(`.snippet-panel[data-lang="${language}"]`);
	if (panel && !panel.checkVisibility())
		root.querySelector<HTMLElement>(`[role="tab"][data-lang="${language}"]`)?.click();
}
