/**
 * Prepares compiled TypeScript for a traced run: each generator function is
 * passed through `__generatorTrace.named`, so that the trace can say which
 * function made each generator, each named plain or async function through
 * `__generatorTrace.called`, so that it can draw a run's calls and returns, and
 * each class declaration's methods through `__generatorTrace.methods`.
 * Only the code that runs changes, never what the reader sees, and no line
 * moves, so errors and the trace keep the reader's line numbers.
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
	async: boolean;
	id?: { name: string } | null;
	body: Node;
}

/** The name a reader would call an anonymous function by: `const ticks = function* () {}` is "ticks". */
function inferName(node: FunctionNode, parent: Node | undefined): string | undefined {
	if (node.id) return node.id.name;
	const named:
		| (Node & { id?: { name?: string }; left?: { name?: string }; key?: { name?: string } })
		| undefined = parent;
	return named?.id?.name ?? named?.left?.name ?? named?.key?.name;
}

/**
 * The wrapper of a function: `named` for a generator function, `called` for a
 * plain or async one (whose call returns its promise at once, as the trace then
 * shows). An async generator is neither.
 */
function wrapperOf(node: FunctionNode): 'named' | 'called' | undefined {
	if (node.generator) return node.async ? undefined : 'named';
	return 'called';
}

export function wrapTracedFunctions(code: string): string {
	const program = parseProgram(code);
	const insertions: Insertion[] = [];
	/** Wraps a function expression in place: `wrapper(function () {}, "name")`. */
	function wrapExpression(
		node: Node,
		parent: (Node & { method?: boolean; kind?: string }) | undefined
	) {
		const expression = node as unknown as FunctionNode;
		const wrapper = wrapperOf(expression);
		// A method's function cannot be wrapped in place; its generators get a generic name.
		if (
			!wrapper ||
			parent?.type === 'MethodDefinition' ||
			parent?.method ||
			parent?.kind === 'get' ||
			parent?.kind === 'set'
		)
			return;
		const name = inferName(expression, parent);
		// An anonymous plain function (a callback) is left out; an anonymous generator is still counted.
		if (wrapper === 'called' && name === undefined) return;
		insertions.push({ at: node.start, text: `${TRACE_PARAMETER}.${wrapper}(` });
		insertions.push({ at: node.end, text: `, ${JSON.stringify(name ?? 'generator')})` });
	}
	ancestor(program, {
		FunctionDeclaration(node, _state, ancestors) {
			const declaration = node as unknown as FunctionNode;
			const wrapper = wrapperOf(declaration);
			if (!wrapper || !declaration.id) return;
			// Declarations are hoisted, so rebinding the name first thing in the enclosing body covers every call.
			// Elsewhere (a `case`, a label) its generators keep the generic name.
			const body = ancestors.at(-2) as Node | undefined;
			if (body?.type !== 'Program' && body?.type !== 'BlockStatement') return;
			const at = body.type === 'Program' ? 0 : body.start + 1;
			const name = declaration.id.name;
			insertions.push({
				at,
				text: `${name} = ${TRACE_PARAMETER}.${wrapper}(${name}, ${JSON.stringify(name)});`,
			});
		},
		ClassDeclaration(node) {
			const name = (node as unknown as { id?: { name: string } | null }).id?.name;
			// On the declaration's last line, so that no line moves.
			if (name) insertions.push({ at: node.end, text: `;${TRACE_PARAMETER}.methods(${name});` });
		},
		FunctionExpression(node, _state, ancestors) {
			wrapExpression(node, ancestors.at(-2));
		},
		ArrowFunctionExpression(node, _state, ancestors) {
			wrapExpression(node, ancestors.at(-2));
		},
	});
	let result = code;
	for (const { at, text } of insertions.sort((a, b) => b.at - a.at))
		result = result.slice(0, at) + text + result.slice(at);
	return result;
}
