/**
 * Marks, in "On this page", the section the reader is reading: the last heading
 * that has scrolled up past the top quarter of the window.
 */
function markCurrentSection() {
	const headings = document.querySelectorAll<HTMLElement>('main :is(h2, h3)[id]');
	let current: HTMLElement | undefined;
	for (const heading of headings) {
		if (heading.getBoundingClientRect().top >= innerHeight / 4) break;
		current = heading;
	}
	for (const link of document.querySelectorAll('.toc a')) {
		if (link.getAttribute('href') === `#${current?.id}`)
			link.setAttribute('aria-current', 'location');
		else link.removeAttribute('aria-current');
	}
}

export function highlightCurrentSection() {
	let scheduled = false;
	const update = () => {
		if (scheduled) return;
		scheduled = true;
		requestAnimationFrame(() => {
			scheduled = false;
			markCurrentSection();
		});
	};
	addEventListener('scroll', update, { passive: true });
	document.addEventListener('astro:after-swap', update);
	update();
}
