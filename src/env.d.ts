// Pagefind's search UI ships no type declarations; the site uses only its constructor.
declare module '@pagefind/default-ui' {
	export class PagefindUI {
		constructor(options: Record<string, unknown>);
	}
}
