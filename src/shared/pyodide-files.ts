/**
 * The files of the `pyodide` package that running Python in the page needs.
 * The build copies them to `pyodide/` in the site; the page fetches them from there.
 */
export const PYODIDE_FILES = [
	'pyodide.js',
	'pyodide.asm.mjs',
	'pyodide.asm.wasm',
	'python_stdlib.zip',
	'pyodide-lock.json',
];
export const PYODIDE_PATH = 'pyodide/';
