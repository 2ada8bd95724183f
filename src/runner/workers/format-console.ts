import inspect from 'object-inspect';

/**
 * Formats `console.log` arguments the way Node does for the values snippets print:
 * strings as they are, anything else inspected (`{ value: 1, done: false }`),
 * all joined by spaces. The test suite runs the same snippets in real Node, so a
 * difference between the two shows up as a failing snippet in the browser tests.
 */
export function formatLogArguments(args: readonly unknown[]): string {
	return args.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg))).join(' ');
}

/** One value as Node's inspector shows it, strings in quotes: `'hello'`, `{ value: 1, done: false }`. */
export function formatValue(value: unknown): string {
	return inspect(value, { quoteStyle: 'single' });
}
