/**
 * Puts each diagram drawn at build time in a box that scrolls sideways, and
 * stops it shrinking below three quarters of its natural size: on a phone a
 * sequence diagram shrunk to the column had 6 px labels; at 3/4 they are 12 px.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** The smallest scale a diagram is drawn at; Mermaid's labels are 16 px at scale 1. */
const SMALLEST_SCALE = 0.75;

export function rehypeScrollDiagrams() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'svg' || !String(node.properties.id ?? '').startsWith('mermaid')) return;
			if (!parent || index === undefined) return;
			const style = String(node.properties.style ?? '');
			const natural = Number(/max-width:\s*([\d.]+)px/.exec(style)?.[1]);
			if (natural)
				node.properties.style = `${style};min-width:${Math.round(natural * SMALLEST_SCALE)}px`;
			const box: Element = {
				type: 'element',
				tagName: 'div',
				// Focusable, so that a keyboard reader can scroll it too.
				properties: { className: ['diagram'], tabIndex: 0 },
				children: [node],
			};
			parent.children[index] = box;
			return SKIP;
		});
	};
}
