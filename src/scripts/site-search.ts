/** `<site-search>`: the header's search dialog (see Search.astro). */

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
			// Pagefind's interface, loaded when search first opens.
			const { startSearchUi } = await import('./search-ui.ts');
			startSearchUi(this.querySelector('[data-search-ui]'));
		}
		dialog.querySelector<HTMLInputElement>('input')?.focus();
	}
}
customElements.define('site-search', SiteSearch);
