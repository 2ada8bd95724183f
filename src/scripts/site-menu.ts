/**
 * The narrow screen's menu (SiteMenu.astro) opens and closes without script;
 * a link in it that moves the reader within the page closes it here.
 */
export function closeSiteMenuOnLink() {
	document.addEventListener('click', (event) => {
		if ((event.target as Element).closest?.('#site-menu a'))
			document.getElementById('site-menu')?.hidePopover();
	});
}
