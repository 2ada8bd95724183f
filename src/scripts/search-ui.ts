/** Pagefind's search interface, started in the search dialog when it first opens (see site-search.ts). */
// Only the stylesheet's address: it is added to the page now, not with the page.
import pagefindStylesheet from '@pagefind/default-ui/css/ui.css?url';
import { PagefindUI } from '@pagefind/default-ui';
import { withBase } from '../lib/site.ts';

export function startSearchUi(element: Element | null) {
	document.head.append(
		Object.assign(document.createElement('link'), { rel: 'stylesheet', href: pagefindStylesheet })
	);
	new PagefindUI({
		element,
		bundlePath: withBase('/pagefind/'),
		baseUrl: withBase('/'),
		showImages: false,
		showSubResults: true,
		autofocus: true,
	});
}
