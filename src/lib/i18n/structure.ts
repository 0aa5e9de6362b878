// The shape of a chapter's Markdown, to hold the Korean edition to the English: the headings
// (levels, in order), the widgets (block components, in order), and per section the inline
// figures (<Num>, <Tex>) as a count, since Korean word order may move them within a sentence.
// <PaperQuote> is the Korean edition's own (a quote with its English a click away) and not counted.

export interface ChapterShape {
	/** "h1", "h2", ... in order. */
	readonly headings: string[];
	/** Block widget tags in order: "ModuleSwitch", "Widget", ... */
	readonly widgets: string[];
	/** Per section (before the first heading, then after each): inline tags counted, "Num×3 Tex×1". */
	readonly inline: string[];
	/** The <script> block's code lines, comments and blank lines left out, PaperQuote's import too. */
	readonly script: string[];
}

const INLINE = new Set(['Num', 'Tex']);
const OWN = new Set(['PaperQuote']);

function counted(tags: string[]): string {
	const counts = new Map<string, number>();
	for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
	return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t}×${n}`).join(' ');
}

export function chapterShape(source: string): ChapterShape {
	const scriptMatch = source.match(/<script[^>]*>([\s\S]*?)<\/script>/);
	const script = (scriptMatch?.[1] ?? '')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l !== '' && !l.startsWith('//') && !/PaperQuote/.test(l));
	const body = source.replace(/<script[^>]*>[\s\S]*?<\/script>/, '').replace(/^```[\s\S]*?^```/gm, '');
	const headings: string[] = [];
	const widgets: string[] = [];
	const inline: string[] = [];
	let section: string[] = [];
	for (const line of body.split('\n')) {
		const heading = line.match(/^(#{1,6})\s/);
		if (heading) {
			inline.push(counted(section));
			section = [];
			headings.push(`h${heading[1].length}`);
		}
		for (const m of line.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
			if (OWN.has(m[1])) continue;
			(INLINE.has(m[1]) ? section : widgets).push(m[1]);
		}
	}
	inline.push(counted(section));
	return { headings, widgets, inline, script };
}

/** How the translation's shape differs from the original's, one line each; [] when it does not. */
export function shapeDifferences(original: string, translation: string): string[] {
	const a = chapterShape(original);
	const b = chapterShape(translation);
	const out: string[] = [];
	if (a.headings.join() !== b.headings.join()) out.push(`headings: ${a.headings.join(' ')} ≠ ${b.headings.join(' ')}`);
	if (a.widgets.join() !== b.widgets.join()) out.push(`widgets: ${a.widgets.join(' ')} ≠ ${b.widgets.join(' ')}`);
	a.inline.forEach((x, i) => {
		if (b.inline[i] !== undefined && x !== b.inline[i]) out.push(`section ${i}: inline ${x || 'none'} ≠ ${b.inline[i] || 'none'}`);
	});
	const missing = a.script.filter((l) => !b.script.includes(l));
	const extra = b.script.filter((l) => !a.script.includes(l));
	if (missing.length || extra.length) out.push(`script: ${[...missing.map((l) => `- ${l}`), ...extra.map((l) => `+ ${l}`)].join(' | ')}`);
	return out;
}
