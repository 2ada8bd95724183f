/**
 * Code colours for both site themes. Shiki writes both palettes as CSS variables
 * (`defaultColor: false`), and the stylesheet picks one by the page's theme, so
 * switching themes needs no re-highlighting.
 */
export const SHIKI_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
