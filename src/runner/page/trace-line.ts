/**
 * The mark on the line of code that the current trace step ran, in a snippet's
 * highlighted code: one mark per language, since both traces can be stepped together.
 */
import type { Language } from '../../shared/languages.ts';
import { clearLineMarks, markCodeLine, showLanguage } from './code-line-mark.ts';

/** Clears the marks of trace steps from a snippet's code, or from one language's. */
export function clearTraceLine(root: HTMLElement, language?: Language) {
	clearLineMarks(root, 'trace-line', language);
}

/**
 * Marks the line of the current trace step in the highlighted code, opening
 * folded lines. When the reader stepped to it (`byReader`) in a language whose
 * tab is not the one shown, that tab is chosen, so the marked line is in sight.
 * (The step's text beside the diagram quotes the line as well.)
 */
export function markTraceLine(
	root: HTMLElement,
	language: Language,
	lineNumber: number,
	{ byReader = false } = {}
) {
	if (!markCodeLine(root, language, lineNumber, 'trace-line') || !byReader) return;
	// The code above the trace changes height; the page is scrolled back by as much,
	// so that the step controls stay under the reader's pointer.
	const trace = root.querySelector('[data-trace-view]');
	const before = trace?.getBoundingClientRect().top ?? 0;
	showLanguage(root, language);
	scrollBy(0, (trace?.getBoundingClientRect().top ?? 0) - before);
}
