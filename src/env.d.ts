// Pagefind's search UI ships no type declarations; the site uses only its constructor.
declare module '@pagefind/default-ui' {
	export class PagefindUI {
		constructor(options: Record<string, unknown>);
	}
}

/** The size of Pyodide's files in bytes, as served uncompressed (see `integrations/pyodide-assets.ts`). */
declare const __PYODIDE_BYTES__: number;

/** The version of Pyodide the site serves, added to its files' URLs as `?v=` (see `integrations/pyodide-assets.ts`). */
declare const __PYODIDE_VERSION__: string;

/** Where the site serves Mermaid's browser build, under its base (see `integrations/mermaid-assets.ts`). */
declare const __MERMAID_PATH__: string;
