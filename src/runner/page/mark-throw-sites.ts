/**
 * A thrown value that is not an `Error` (`throw "empty"`, `throw { code: 1 }`)
 * carries no stack, so the worker could not say where it was thrown. This wraps
 * the value of every `throw` in a call to the worker's `THROW_SITE_PARAMETER`,
 * which notes the line and hands the value back unchanged. No line moves, so
 * every other error keeps the reader's line numbers too.
 *
 * Only code that contains `throw` is parsed; acorn loads then.
 */
import { THROW_SITE_PARAMETER } from '../protocol.ts';

export async function markThrowSites(program: string): Promise<string> {
	if (!/\bthrow\b/.test(program)) return program;
	const [{ parseProgram }, { simple }] = await Promise.all([
		import('../../shared/parse-program.ts'),
		import('acorn-walk'),
	]);
	let tree;
	try {
		tree = parseProgram(program);
	} catch {
		// The worker reports the syntax error itself, with its line.
		return program;
	}
	const arguments_: { start: number; end: number }[] = [];
	simple(tree, {
		ThrowStatement(node) {
			arguments_.push(node.argument);
		},
	});
	let marked = program;
	for (const { start, end } of arguments_.sort((a, b) => b.start - a.start))
		marked = `${marked.slice(0, start)}${THROW_SITE_PARAMETER}(${marked.slice(start, end)})${marked.slice(end)}`;
	return marked;
}
