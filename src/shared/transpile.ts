import { transform } from 'sucrase';

/**
 * Turns a TypeScript snippet into JavaScript by removing its types, and nothing else.
 *
 * Sucrase keeps every statement on its original line, so a line number in an error
 * is a line number in the code the reader sees. It never type-checks: the documented
 * snippets are type-checked by the test suite instead.
 */
export function transpileTypeScript(code: string): string {
	return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
}
