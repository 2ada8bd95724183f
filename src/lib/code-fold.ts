/**
 * A folded range of a snippet's code: lines the reader has already met (a helper
 * shown earlier in the chapter) and that are not the point of this example. The
 * chapter marks them on the fence, ```python fold="5-16 the run() scheduler, as above",
 * and the page shows them collapsed behind a "Show" control that works without
 * JavaScript. The code itself is unchanged: it runs, copies and edits whole.
 */
import type { ShikiTransformer } from 'shiki';
import type { Element, ElementContent } from 'hast';

export interface CodeFold {
	/** First and last folded line, counting from 1. */
	from: number;
	to: number;
	/** What the folded lines are, in a few words. */
	label: string;
}

const FOLD = /(?:^|\s)fold="(\d+)-(\d+)(?:\s+([^"]*))?"/;

/** The fold a fence's meta asks for, checked against its code; `where` names the fence in errors. */
export function parseCodeFold(
	meta: string | null | undefined,
	code: string,
	where: string
): CodeFold | undefined {
	const match = FOLD.exec(meta ?? '');
	if (!match) return undefined;
	const from = Number(match[1]);
	const to = Number(match[2]);
	const lines = code.split('\n').length;
	if (from < 1 || to < from || to > lines)
		throw new Error(`${where}: fold="${from}-${to}" must be a range of the code's ${lines} lines.`);
	return { from, to, label: match[3]?.trim() || `lines ${from}–${to}` };
}

/** The fold as the string prop `Snippet` receives, and back. */
export function formatCodeFold({ from, to, label }: CodeFold): string {
	return `${from}-${to} ${label}`;
}

export function readCodeFoldProp(prop: string | undefined): CodeFold | undefined {
	const match = prop === undefined ? null : /^(\d+)-(\d+) (.*)$/.exec(prop);
	return match ? { from: Number(match[1]), to: Number(match[2]), label: match[3]! } : undefined;
}

/**
 * Marks the folded lines for the stylesheet to hide. Each line's newline moves into
 * the line, so that a hidden line leaves no empty row behind and the code's text
 * (what Copy and the tests read) stays exactly the same.
 */
export function foldLines({ from, to }: CodeFold): ShikiTransformer {
	return {
		name: 'fold-lines',
		code(code: Element) {
			const children: ElementContent[] = [];
			let line = 0;
			let folded: Element | undefined;
			for (const child of code.children) {
				if (child.type === 'text' && child.value === '\n' && folded) {
					folded.children.push(child);
					folded = undefined;
					continue;
				}
				folded = undefined;
				if (child.type === 'element') {
					line += 1;
					if (line >= from && line <= to) {
						this.addClassToHast(child, 'folded');
						folded = child;
					}
				}
				children.push(child);
			}
			code.children = children;
		},
	};
}
