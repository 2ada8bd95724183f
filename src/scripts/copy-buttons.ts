/**
 * Adds a Copy button to every code block. The buttons are made here rather than
 * in the HTML because without JavaScript they could do nothing.
 */
export function addCopyButtons() {
	if (!navigator.clipboard) return;
	for (const pre of document.querySelectorAll<HTMLPreElement>('main pre.astro-code')) {
		// Done already, or the block is hidden behind the editor of a reader's earlier edit.
		if (pre.hidden || pre.parentElement?.classList.contains('code-block')) continue;
		const wrapper = document.createElement('div');
		wrapper.className = 'code-block';
		pre.replaceWith(wrapper);
		wrapper.append(pre);

		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'button button-small copy-button';
		button.textContent = 'Copy';
		button.setAttribute('aria-label', 'Copy code');
		// The button's label names what it does, so screen readers hear the outcome from here.
		const announcement = document.createElement('span');
		announcement.className = 'sr-only';
		announcement.setAttribute('role', 'status');
		const copy = async () => {
			try {
				await navigator.clipboard.writeText(pre.textContent ?? '');
				button.textContent = announcement.textContent = 'Copied';
			} catch {
				button.textContent = announcement.textContent = 'Copy failed';
			}
			setTimeout(() => {
				button.textContent = 'Copy';
				announcement.textContent = '';
			}, 1500);
		};
		button.addEventListener('click', () => void copy());
		wrapper.append(button, announcement);
	}
}
