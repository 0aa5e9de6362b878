// A Korean chapter (notebooks/ko/<file>) says what its English original says, in the same shape:
// the same headings, the same widgets in the same order, the same figures in each section and the
// same <script> (every number computed, never typed), and its "# N. 제목" (or "# 부록: 제목")
// matches the index. Every chapter has one, the appendix included.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterHeading } from '../../../notebooks/chapters';
import { shapeDifferences } from '$lib/i18n/structure';

const translated = CHAPTERS.filter((c) => existsSync(`notebooks/ko/${c.file}`));
const read = (path: string) => readFileSync(path, 'utf8');

describe('the structure check', () => {
	const english = `<script>\n  import Num from 'x';\n  const a = 1;\n</script>\n\n# 1. Title\n\nText <Num value={a} /> and <Num value={a} />.\n\n## Part\n\n<Widget>\n<ModuleSwitch />\n</Widget>\n`;

	it('passes a faithful translation, a moved figure and a PaperQuote', () => {
		const korean = `<script>\n  import Num from 'x';\n  import PaperQuote from 'y';\n  // 주석\n  const a = 1;\n</script>\n\n# 1. 제목\n\n<Num value={a} />와 <Num value={a} /> <PaperQuote en="x">인용</PaperQuote>.\n\n## 부분\n\n<Widget>\n<ModuleSwitch />\n</Widget>\n`;
		expect(shapeDifferences(english, korean)).toEqual([]);
	});

	it('fails a heading level or count changed, a widget missing or moved, a figure typed, the script changed', () => {
		const levels = english.replace('## Part', '### Part');
		const moved = english.replace('<Widget>\n<ModuleSwitch />\n</Widget>', '<ModuleSwitch />\n<Widget>\n</Widget>');
		const typed = english.replace('<Num value={a} />.', '1.');
		const script = english.replace('const a = 1;', 'const a = 2;');
		expect(shapeDifferences(english, levels)).toEqual(['headings: h1 h2 ≠ h1 h3']);
		expect(shapeDifferences(english, english.replace('## Part\n', ''))[0]).toMatch(/^headings/);
		expect(shapeDifferences(english, moved)).toEqual(['widgets: Widget ModuleSwitch ≠ ModuleSwitch Widget']);
		expect(shapeDifferences(english, typed)).toEqual(['section 1: inline Num×2 ≠ Num×1']);
		expect(shapeDifferences(english, script)).toEqual(['script: - const a = 1; | + const a = 2;']);
	});
});

describe('the Korean edition', () => {
	it('has every chapter, the appendix included', () => {
		expect(translated.map((c) => c.file)).toEqual(CHAPTERS.map((c) => c.file));
		expect(translated.some((c) => c.section === null)).toBe(true);
	});

	it('writes a term one way in the chapters and the contents page (학습률 스케줄, 가보르)', () => {
		const korean = [...CHAPTERS.map((c) => read(`notebooks/ko/${c.file}`)), ...CHAPTERS.map((c) => `${c.ko.title} ${c.ko.summary}`)].join('\n');
		// The English in parentheses at a term's first use is the glossary's way, not a second word.
		const outside = korean.replace(/\([^)]*\)/g, '').replace(/<script>[\s\S]*?<\/script>/g, '');
		expect(outside.match(/학습률 일정|(?<![<\w])Gabor/g) ?? []).toEqual([]);
	});
});

describe.runIf(translated.length > 0)('each Korean chapter', () => {
	it.each(translated)('notebooks/ko/$file has the English chapter’s structure', (c) => {
		expect(shapeDifferences(read(`notebooks/${c.file}`), read(`notebooks/ko/${c.file}`))).toEqual([]);
	});

	it.each(translated)("notebooks/ko/$file opens with the index's '# N. 제목'", (c) => {
		const body = read(`notebooks/ko/${c.file}`).replace(/<script>[\s\S]*?<\/script>/, '');
		expect(body.match(/^# (.+)$/m)?.[1]).toBe(chapterHeading(c, 'ko'));
	});
});
