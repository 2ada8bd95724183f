/** `<site-search>`: the header's search dialog (see Search.astro). */
// Only the stylesheet's address: it is added to the page when search first opens, not with the page.
import pagefindStylesheet from '@pagefind/default-ui/css/ui.css?url';
import { withBase } from '../lib/site.ts';

class SiteSearch extends HTMLElement {
	#loaded = false;
	/** Ends the listeners on the window, which outlive this element when another page is swapped in. */
	#listening = new AbortController();

	disconnectedCallback() {
		this.#listening.abort();
	}

	connectedCallback() {
		this.#listening = new AbortController();
		const open = this.querySelector<HTMLButtonElement>('[data-open]');
		const dialog = this.querySelector('dialog');
		if (!open || !dialog) return;
		open.disabled = false;
		open.addEventListener('click', () => void this.#open(dialog));
		this.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
		// A click on the backdrop (the dialog element itself, outside its content) closes it.
		dialog.addEventListener('click', (event) => {
			if (event.target === dialog) dialog.close();
		});
		window.addEventListener(
			'keydown',
			(event) => {
				const typing =
					event.target instanceof HTMLElement &&
					event.target.closest('input, textarea, select, [contenteditable]');
				const shortcut =
					(event.key === '/' && !typing) || (event.key === 'k' && (event.ctrlKey || event.metaKey));
				if (shortcut && !dialog.open) {
					event.preventDefault();
					void this.#open(dialog);
				}
			},
			{ signal: this.#listening.signal }
		);
	}

	async #open(dialog: HTMLDialogElement) {
		dialog.showModal();
		if (!this.#loaded) {
			this.#loaded = true;
			const stylesheet = Object.assign(document.createElement('link'), {
				rel: 'stylesheet',
				href: pagefindStylesheet,
			});
			document.head.append(stylesheet);
			const { PagefindUI } = await import('@pagefind/default-ui');
			new PagefindUI({
				element: this.querySelector('[data-search-ui]'),
				bundlePath: withBase('/pagefind/'),
				baseUrl: withBase('/'),
				showImages: false,
				showSubResults: true,
				autofocus: true,
			});
		}
		dialog.querySelector<HTMLInputElement>('input')?.focus();
	}
}
customElements.define('site-search', SiteSearch);
