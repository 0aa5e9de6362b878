// A rehype plugin for mdsvex: gives every h1-h4 of a chapter an id made from its text and a
// link to itself ("#"), at build time, so section links work with JavaScript off.
// Plain JS (with JSDoc types) because svelte.config.js loads it directly in Node.

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

/**
 * The visible text of a node (Svelte expressions inside `raw` nodes are left out).
 * @param {HastNode} node
 * @returns {string}
 */
export function textOf(node) {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

/**
 * "3. Motivation & high-level considerations" -> "motivation-high-level-considerations" (leading
 * section numbers dropped). Unique within a page: repeats get "-2", "-3".
 * @param {string} text
 * @param {Map<string, number>} seen
 */
export function slugify(text, seen = new Map()) {
	const base =
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/^\d+(\.\d+)*\.?\s+/, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'section';
	const count = seen.get(base) ?? 0;
	seen.set(base, count + 1);
	return count === 0 ? base : `${base}-${count + 1}`;
}

const LINKED = new Set(['h1', 'h2', 'h3', 'h4']);

/** @returns {(tree: HastNode) => void} */
export function headingAnchors() {
	return (tree) => {
		/** @type {Map<string, number>} */
		const seen = new Map();
		/** @param {HastNode} node */
		const visit = (node) => {
			if (node.type === 'element' && node.tagName && LINKED.has(node.tagName)) {
				const text = textOf(node).trim();
				const id = typeof node.properties?.id === 'string' ? node.properties.id : slugify(text, seen);
				node.properties = { ...node.properties, id };
				node.children = [
					...(node.children ?? []),
					{
						type: 'element',
						tagName: 'a',
						properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to “${text}”` },
						children: [{ type: 'text', value: '#' }]
					}
				];
				return;
			}
			for (const child of node.children ?? []) visit(child);
		};
		visit(tree);
	};
}
