/**
 * Prepares compiled TypeScript for a traced run: each generator function is
 * passed through `__generatorTrace.named`, so that the trace can say which
 * function made each generator. Only the code that runs changes, never what the
 * reader sees, and no line moves, so errors and the trace keep the reader's
 * line numbers.
 */
import type { Node } from 'acorn';
import { ancestor } from 'acorn-walk';
import { parseProgram } from '../shared/parse-program.ts';
import { TRACE_PARAMETER } from './instrument-generators.ts';

interface Insertion {
	at: number;
	text: string;
}

interface FunctionNode extends Node {
	generator: boolean;
	id?: { name: string } | null;
	body: Node;
}

/** The name a reader would call an anonymous generator function by: `const ticks = function* () {}` is "ticks". */
function inferName(node: FunctionNode, parent: Node | undefined): string {
	if (node.id) return node.id.name;
	const named:
		| (Node & { id?: { name?: string }; left?: { name?: string }; key?: { name?: string } })
		| undefined = parent;
	return named?.id?.name ?? named?.left?.name ?? named?.key?.name ?? 'generator';
}

export function nameGeneratorFunctions(code: string): string {
	const program = parseProgram(code);
	const insertions: Insertion[] = [];
	ancestor(program, {
		FunctionDeclaration(node, _state, ancestors) {
			const declaration = node as unknown as FunctionNode;
			if (!declaration.generator || !declaration.id) return;
			// Declarations are hoisted, so rebinding the name first thing in the enclosing body covers every call.
			// Elsewhere (a `case`, a label) its generators keep the generic name.
			const body = ancestors.at(-2) as Node | undefined;
			if (body?.type !== 'Program' && body?.type !== 'BlockStatement') return;
			const at = body.type === 'Program' ? 0 : body.start + 1;
			const name = declaration.id.name;
			insertions.push({
				at,
				text: `${name} = ${TRACE_PARAMETER}.named(${name}, ${JSON.stringify(name)});`,
			});
		},
		FunctionExpression(node, _state, ancestors) {
			const expression = node as unknown as FunctionNode;
			const parent = ancestors.at(-2) as (Node & { method?: boolean; kind?: string }) | undefined;
			// A method's function cannot be wrapped in place; its generators get a generic name.
			if (
				!expression.generator ||
				parent?.type === 'MethodDefinition' ||
				parent?.method ||
				parent?.kind === 'get' ||
				parent?.kind === 'set'
			)
				return;
			insertions.push({ at: node.start, text: `${TRACE_PARAMETER}.named(` });
			insertions.push({
				at: node.end,
				text: `, ${JSON.stringify(inferName(expression, parent))})`,
			});
		},
	});
	let result = code;
	for (const { at, text } of insertions.sort((a, b) => b.at - a.at))
		result = result.slice(0, at) + text + result.slice(at);
	return result;
}
