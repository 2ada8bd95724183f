/** `<theme-select>`: the header's theme choice (see ThemeSelect.astro). */
import { THEME_STORAGE_KEY as STORAGE_KEY } from './reader-choice-keys.ts';

class ThemeSelect extends HTMLElement {
	connectedCallback() {
		const select = this.querySelector('select');
		if (!select) return;
		select.value = document.documentElement.dataset.theme ?? 'auto';
		select.disabled = false;
		select.addEventListener('change', () => {
			const theme = select.value;
			if (theme === 'light' || theme === 'dark') {
				document.documentElement.dataset.theme = theme;
			} else {
				delete document.documentElement.dataset.theme;
			}
			try {
				if (theme === 'auto') localStorage.removeItem(STORAGE_KEY);
				else localStorage.setItem(STORAGE_KEY, theme);
			} catch {
				// Not remembered, but applied to this page.
			}
		});
	}
}
customElements.define('theme-select', ThemeSelect);
