/** Facts about the site that several pages show. */
export const SITE_TITLE = 'Coroutines, two ways';
export const SITE_TAGLINE =
	"Python's generator-based coroutines, with a verified TypeScript twin for every example.";

/** A path inside the site, prefixed with the configured `base` so it works under a sub-path too. */
export function withBase(path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	return `${base}${path}`;
}
