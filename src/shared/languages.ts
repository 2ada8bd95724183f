/**
 * The two languages every snippet is written in, in the order the page shows
 * them, and the names readers see for them.
 */
export const LANGUAGES = ['python', 'typescript'] as const;

export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<Language, string> = {
	python: 'Python',
	typescript: 'TypeScript',
};

export function isLanguage(value: string | undefined): value is Language {
	return (LANGUAGES as readonly (string | undefined)[]).includes(value);
}
