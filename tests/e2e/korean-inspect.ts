// What the Korean check looks for on a page, run inside the page (page.evaluate): it must not
// reference anything outside itself. Two detectors:
// - catalogue: an English message (or a long fixed part of one) that differs from its Korean;
// - runs: three or more Latin-letter words in a row, in a text node or an aria-label, title, alt
//   or placeholder, which no catalogue need know about (a string typed into a component).
// Exempt from both: English marked as such (anything inside [lang="en"], which is how a product
// name such as "Going Deeper with Convolutions", a quote's original or a class name's English is
// kept), code, kbd, samp, pre, formulas (KaTeX), [hidden], script and style. A chapter's own prose
// may hold English terms in parentheses by design (the glossary's first use: 가중치(weights)), so
// there text counts only inside its widgets; attributes count everywhere.

export interface Finding {
	/** Which detector: 'catalogue' or 'run'. */
	kind: 'catalogue' | 'run';
	/** The English found, as `text` or `attr="text"`. */
	text: string;
	/** Where: the nearest data-testid / data-widget / id, or the element's tag. */
	where: string;
}

export interface Findings {
	scroll: string | null;
	english: Finding[];
	lang: string;
}

export function inspect(args: { whole: string[]; parts: string[] }): Findings {
	const root = document.documentElement;
	// (The root's own lang is the page's: an English page is checked whole, as the control case.)
	const EXEMPT = ':not(html)[lang="en"], code, kbd, samp, pre, .katex, math, [hidden], script, style, noscript, template';
	const exempt = (el: Element | null) => !!el?.closest(EXEMPT);
	/** Chapter prose (not a widget inside it): its text is the translators', not the interface's. */
	const prose = (el: Element | null) => !!el?.closest('article.chapter') && !el?.closest('.widget');
	/** The element (tag and first class of its own, not Svelte's hash) and the nearest ancestor an owner can search for. */
	const where = (el: Element | null): string => {
		if (!el) return 'the page text';
		const name = (e: Element) => {
			const own = [...e.classList].find((c) => !c.startsWith('svelte-'));
			return `${e.tagName.toLowerCase()}${own ? `.${own}` : ''}`;
		};
		const marked = el.closest('[data-testid], [data-widget], [data-node], [id], header, footer, nav');
		if (!marked) return name(el);
		const attr = ['data-testid', 'data-widget', 'data-node', 'id'].find((a) => marked.hasAttribute(a));
		const anchor = attr ? `${marked.tagName.toLowerCase()}[${attr}="${marked.getAttribute(attr)}"]` : name(marked);
		return marked === el ? anchor : `${name(el)} in ${anchor}`;
	};
	// A word: Latin letters, with inner apostrophes or hyphens ("don't"; "top-5" is not one: it
	// holds a digit). A run: three or more such words separated by spaces only, not glued to
	// digits, underscores or slashes, so a list of product names ("WebGPU, WebGL, WASM") or a
	// layer name (inception_4c/output) does not count.
	const WORD = "[A-Za-z]+(?:['’-][A-Za-z]+)*";
	const RUN = new RegExp(`(?<![\\w/.'’-])${WORD}(?:\\s+${WORD}){2,}(?![\\w/'’-])`, 'g');
	const runsIn = (text: string) => [...text.matchAll(RUN)].map((m) => m[0].replace(/\s+/g, ' '));

	const found = new Map<string, Finding>();
	const add = (kind: Finding['kind'], text: string, el: Element | null) => {
		const key = `${kind}|${text}`;
		if (!found.has(key)) found.set(key, { kind, text, where: where(el) });
	};
	const whole = new Set(args.whole);
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
	for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
		if (n.nodeType === Node.TEXT_NODE) {
			const el = n.parentElement;
			const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (!text || exempt(el) || prose(el)) continue;
			if (whole.has(text)) add('catalogue', text, el);
			for (const run of runsIn(text)) add('run', run, el);
		} else {
			const el = n as Element;
			if (exempt(el)) continue;
			for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
				const v = el.getAttribute(attr)?.replace(/\s+/g, ' ').trim();
				if (!v) continue;
				if (whole.has(v)) add('catalogue', `${attr}="${v}"`, el);
				for (const run of runsIn(v)) add('run', `${attr}="${run}"`, el);
			}
		}
	}
	// Long fixed parts of messages with placeholders, in the page's text as a whole (they may span
	// several text nodes around a computed number).
	const clone = document.body.cloneNode(true) as HTMLElement;
	for (const el of clone.querySelectorAll(EXEMPT)) el.remove();
	for (const chapter of clone.querySelectorAll('article.chapter')) chapter.replaceChildren(...chapter.querySelectorAll('.widget'));
	const text = (clone.textContent ?? '').replace(/\s+/g, ' ');
	for (const part of args.parts) {
		if (!text.includes(part)) continue;
		// Where: the innermost element (not exempt) whose text holds it.
		const holders = [...document.body.querySelectorAll('*')].filter(
			(el) => !exempt(el) && !prose(el) && (el.textContent ?? '').replace(/\s+/g, ' ').includes(part)
		);
		add('catalogue', part, holders.at(-1) ?? null);
	}
	return {
		scroll: root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : null,
		english: [...found.values()],
		lang: root.lang
	};
}

/** One line per finding, for a failure message an owner can act on. */
export function describeFindings(path: string, width: number, findings: readonly Finding[]): string[] {
	return findings.map((f) => `${path} @${width}px ${f.kind}: ${JSON.stringify(f.text)} in ${f.where}`);
}
