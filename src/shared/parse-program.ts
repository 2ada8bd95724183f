/**
 * Parses snippet code (TypeScript with its types removed) as the TypeScript
 * worker compiles it: a script that is the body of an async function, so a
 * top-level `await` or `return` is allowed. The runner loads this only when it
 * needs a parse (a trace, a `throw` to mark, a syntax error to place).
 */
import { parse, type Program } from 'acorn';

export function parseProgram(code: string): Program {
	return parse(code, {
		ecmaVersion: 'latest',
		sourceType: 'script',
		allowAwaitOutsideFunction: true,
		allowReturnOutsideFunction: true,
	});
}
