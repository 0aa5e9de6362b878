// The glossary is the one list of terms both editions use: every entry has both languages.
import { describe, expect, it } from 'vitest';
import { GLOSSARY, term, type GlossaryTerm } from '$lib/i18n/glossary';

/** Entries with a language missing or blank, or an id used twice: "id: why". */
export function glossaryProblems(entries: readonly Partial<GlossaryTerm>[]): string[] {
	const seen = new Set<string>();
	return entries.flatMap((e, i) => {
		const id = e.id ?? `#${i}`;
		const problems: string[] = [];
		if (seen.has(id)) problems.push(`${id}: listed twice`);
		seen.add(id);
		for (const lang of ['en', 'ko'] as const) if (!e[lang]?.trim()) problems.push(`${id}: no ${lang}`);
		if (e.ko && /[A-Za-z]/.test(e.ko)) problems.push(`${id}: ko has Latin letters`);
		return problems;
	});
}

describe('glossary', () => {
	it('every term has an English and a Korean form, and one entry', () => {
		expect(GLOSSARY.length).toBeGreaterThan(20);
		expect(glossaryProblems(GLOSSARY)).toEqual([]);
	});

	it('a term in one language only is caught', () => {
		expect(glossaryProblems([{ id: 'a', en: 'pooling', ko: '' }, { id: 'b', ko: '풀링' }, { id: 'a', en: 'x', ko: '엑스' }])).toEqual([
			'a: no ko',
			'b: no en',
			'a: listed twice'
		]);
	});

	it('uses the reader’s notes’ terms', () => {
		expect(term('dimension-reduction', 'ko')).toBe('차원 축소');
		expect(term('multiply-adds', 'ko')).toBe('곱셈-덧셈 연산');
		expect(term('feature-map', 'en')).toBe('feature map');
	});
});
