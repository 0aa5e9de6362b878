// English left inside Korean text (a paper's title, a photographer's name) marked as English, so
// that a screen reader says it in English and the Korean check (tests/e2e/korean-inspect.ts) knows
// it is meant: a text cut into runs of two or more Latin-letter words and the rest.

export interface TextRun {
	readonly text: string;
	/** True for a run of two or more Latin-letter words ("Stefan van der Walt"). */
	readonly latin: boolean;
}

const WORD = "[A-Za-z]+(?:['’.-][A-Za-z]+)*";
const RUN = new RegExp(`${WORD}(?:\\s+${WORD})+`, 'g');

export function latinRuns(text: string): TextRun[] {
	const runs: TextRun[] = [];
	let last = 0;
	for (const m of text.matchAll(RUN)) {
		if (m.index > last) runs.push({ text: text.slice(last, m.index), latin: false });
		runs.push({ text: m[0], latin: true });
		last = m.index + m[0].length;
	}
	if (last < text.length) runs.push({ text: text.slice(last), latin: false });
	return runs;
}
