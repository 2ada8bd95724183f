/**
 * V8 rejects some programs that Sucrase lets through (a `let` declared twice, a
 * `with` in strict code) when the worker compiles them, and names no line. The
 * same parse with acorn, as the worker compiles the program (strict, an async
 * function body), finds where. Loaded only when such an error happens.
 */
export async function locateSyntaxError(program: string): Promise<number | undefined> {
	const { parseProgram } = await import('../../shared/parse-program.ts');
	try {
		// 'use strict' shares the first line, as in the worker, so lines stay the reader's.
		parseProgram(`'use strict';${program}`);
		return undefined;
	} catch (error) {
		return (error as { loc?: { line: number } }).loc?.line;
	}
}
