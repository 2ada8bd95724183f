import { existsSync } from 'node:fs';

/**
 * The Chromium used at build time (to render Mermaid diagrams) and by the browser
 * tests. Playwright's own browser downloads are not available everywhere this site
 * is built, so we always drive the system's Chromium.
 */
export function getChromiumPath(): string {
	const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!existsSync(path)) {
		throw new Error(
			`No Chromium at ${path}. Run \`npm install\` (it installs one on Debian) or set CHROMIUM_PATH.`
		);
	}
	return path;
}

/**
 * Flags for headless Chromium in containers: no sandbox (we may run as root), and
 * no background traffic to Google's services, which a closed network refuses.
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
