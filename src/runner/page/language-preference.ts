/**
 * The reader's preferred snippet language, remembered across pages and shared
 * by every snippet on the page.
 */
/** Where the choice is kept; the page's head script reads it too, before the first paint. */
export const LANGUAGE_STORAGE_KEY = 'snippet-language';
const CHANGE_EVENT = 'snippet-language-change';

export function getPreferredLanguage(): string | null {
	try {
		return localStorage.getItem(LANGUAGE_STORAGE_KEY);
	} catch {
		return null; // Storage can be blocked; the first tab is then shown.
	}
}

export function setPreferredLanguage(language: string) {
	try {
		localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
	} catch {
		// Not remembered, but the page still switches.
	}
	// The snippets' styles show the chosen language from this (see ReaderChoices.astro).
	document.documentElement.dataset.snippetLanguage = language;
	window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: language }));
}

/** Calls `listener` on every change, until `signal` aborts (its snippet has left the page). */
export function onPreferredLanguageChange(
	listener: (language: string) => void,
	signal: AbortSignal
) {
	window.addEventListener(
		CHANGE_EVENT,
		(event) => listener((event as CustomEvent<string>).detail),
		{ signal }
	);
}
