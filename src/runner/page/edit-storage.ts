/**
 * A reader's edits, kept per snippet and language in the browser until Reset,
 * so that an experiment survives a reload.
 */
const keyOf = (snippetId: string, language: string) => `snippet-edit:${snippetId}:${language}`;

export function loadEdit(snippetId: string, language: string): string | null {
	try {
		return localStorage.getItem(keyOf(snippetId, language));
	} catch {
		return null;
	}
}

export function saveEdit(snippetId: string, language: string, code: string | null) {
	try {
		if (code === null) localStorage.removeItem(keyOf(snippetId, language));
		else localStorage.setItem(keyOf(snippetId, language), code);
	} catch {
		// Storage blocked or full: the edit still lives in the page.
	}
}
