// A rehype plugin for mdsvex: gives every h1-h4 of a chapter an id made from its text and a
// link to itself ("#"), at build time, so section links work with JavaScript off.
// A Korean chapter (notebooks/ko/<file>.md) takes the ids of its English original's headings, in
// order (the structure test holds both to the same headings), so /ko/…#anchor names the same
// section as /…#anchor and an address keeps its place across the language switch; its links are
// labelled in Korean, from the 'text' message area.
// Plain JS (with JSDoc types) because svelte.config.js loads it directly in Node.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/**
 * The edition a chapter file belongs to, by its folder: notebooks/ko/x.md is Korean.
 * @param {string | undefined | null} filename
 * @returns {'en' | 'ko'}
 */
export const localeOf = (filename) => (/(^|[\\/])ko[\\/][^\\/]+\.md$/.test(filename ?? '') ? 'ko' : 'en');

/**
 * The h1-h4 headings of a Markdown source, in order, as text (inline markup dropped): what
 * `textOf` reads from the compiled heading, as far as `slugify` can tell.
 * @param {string} source
 * @returns {string[]}
 */
export function markdownHeadings(source) {
	const body = source.replace(/<script[^>]*>[\s\S]*?<\/script>/, '').replace(/^```[\s\S]*?^```/gm, '');
	return [...body.matchAll(/^(#{1,4})\s+(.+?)\s*#*\s*$/gm)].map((m) =>
		m[2]
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]*>/g, '')
			.replace(/[*`]/g, '')
	);
}

/**
 * The ids a chapter's headings get from its English original (notebooks/<file> beside
 * notebooks/ko/<file>), or null for an English chapter or a Korean one without an original.
 * @param {string | undefined | null} filename
 * @returns {string[] | null}
 */
export function originalIds(filename) {
	if (!filename || localeOf(filename) !== 'ko') return null;
	const original = join(dirname(dirname(filename)), basename(filename));
	if (!existsSync(original)) return null;
	/** @type {Map<string, number>} */
	const seen = new Map();
	return markdownHeadings(readFileSync(original, 'utf8')).map((text) => slugify(text, seen));
}

/** @type {Map<string, string>} */
const messages = new Map();

/**
 * A message of the 'text' area (src/lib/i18n/messages/text.<locale>.ts) with its {placeholders}
 * filled. Read from the source, since Node loads this file without TypeScript; a message that is
 * not a plain one-line '…' string there stops the build with one line saying so.
 * @param {'en' | 'ko'} locale
 * @param {string} key
 * @param {Record<string, string>} params
 */
export function textMessage(locale, key, params) {
	const file = new URL(`../i18n/messages/text.${locale}.ts`, import.meta.url);
	const cacheKey = `${locale}|${key}`;
	if (!messages.has(cacheKey)) {
		const source = readFileSync(file, 'utf8');
		const match = source.match(new RegExp(`'${key.replace(/\./g, '\\.')}':\\s*'([^'\\\\\\n]*)'`));
		if (!match) throw new Error(`heading-anchors: no plain '${key}' message in ${file.pathname}`);
		messages.set(cacheKey, match[1]);
	}
	return /** @type {string} */ (messages.get(cacheKey)).replace(/\{(\w+)\}/g, (whole, name) => params[name] ?? whole);
}

/** @returns {(tree: HastNode, file?: { filename?: string, path?: string }) => void} */
export function headingAnchors() {
	return (tree, file) => {
		const filename = file?.filename ?? file?.path;
		const locale = localeOf(filename);
		const ids = originalIds(filename);
		let index = 0;
		/** @type {Map<string, number>} */
		const seen = new Map();
		/** @param {HastNode} node */
		const visit = (node) => {
			if (node.type === 'element' && node.tagName && LINKED.has(node.tagName)) {
				const text = textOf(node).trim();
				const own = typeof node.properties?.id === 'string' ? node.properties.id : undefined;
				const id = own ?? ids?.[index] ?? slugify(text, seen);
				index += 1;
				node.properties = { ...node.properties, id };
				node.children = [
					...(node.children ?? []),
					{
						type: 'element',
						tagName: 'a',
						properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: textMessage(locale, 'text.heading.link', { title: text }) },
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
