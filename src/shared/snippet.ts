/** One language's side of a snippet: the program and what it prints. */
export interface SnippetSide {
	/** The program exactly as the reader sees it. */
	code: string;
	/** The documented transcript: the program's stdout, without a final newline. */
	output: string;
}

/** A runnable example, as listed in `dist/snippets.json`. */
export interface Snippet {
	/** Unique, stable and URL-safe, written by the chapter's author. */
	id: string;
	/** URL path of the chapter that shows it, e.g. `/chapters/coroutine-concept/`. */
	page: string;
	/** A short caption for the reader. */
	title: string;
	/** The Python original, or `null` for a TypeScript-only example. */
	python: SnippetSide | null;
	typescript: SnippetSide;
}

/** A snippet as written in a chapter, before it is placed on a page. */
export type AuthoredSnippet = Omit<Snippet, 'page'>;
