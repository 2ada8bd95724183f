/**
 * Where the reader's page-wide choices are kept in localStorage. ReaderChoices.astro
 * reads them before the first paint; the controls that make the choices write them.
 */
export const THEME_STORAGE_KEY = 'theme';
export const LAYOUT_STORAGE_KEY = 'snippet-layout';
