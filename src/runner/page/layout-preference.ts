/**
 * The reader's snippet layout: tabs (the default), or both languages side by
 * side where the column is wide enough. Remembered across pages and shared by
 * every snippet; the page's head script applies it before the first paint, and
 * the snippets' styles lay them out from it (see Snippet.astro).
 */
import { LAYOUT_STORAGE_KEY } from '../../scripts/reader-choice-keys.ts';

const SIDE_BY_SIDE = 'side-by-side';

export function isSideBySide(): boolean {
	return document.documentElement.dataset.snippetLayout === SIDE_BY_SIDE;
}

/** Switches every snippet's layout, keeping `anchor` (the button pressed) where it was on the screen. */
export function toggleSideBySide(anchor: HTMLElement) {
	const before = anchor.getBoundingClientRect().top;
	const sideBySide = !isSideBySide();
	const root = document.documentElement;
	if (sideBySide) root.dataset.snippetLayout = SIDE_BY_SIDE;
	else delete root.dataset.snippetLayout;
	try {
		if (sideBySide) localStorage.setItem(LAYOUT_STORAGE_KEY, SIDE_BY_SIDE);
		else localStorage.removeItem(LAYOUT_STORAGE_KEY);
	} catch {
		// Not remembered, but the page still switches.
	}
	for (const toggle of document.querySelectorAll('[data-layout-toggle]'))
		toggle.setAttribute('aria-pressed', String(sideBySide));
	// The snippets above change height; the page follows, so the reader's snippet stays put.
	scrollBy(0, anchor.getBoundingClientRect().top - before);
}
