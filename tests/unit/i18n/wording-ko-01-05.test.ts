// The Korean chapters 1-5 keep the claims the English ones were corrected to (issue 12's check
// against arXiv v1 and CVPR 2015), and their paper quotes stay the English chapter's own words.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../../notebooks/chapters';

const read = (path: string) => readFileSync(path, 'utf8');
/** The prose, with line breaks folded so a phrase may span lines. */
const prose = (path: string) => read(path).replace(/<script>[\s\S]*?<\/script>/, '').replace(/\s+/g, ' ');
/** Every <PaperQuote en="...">...</PaperQuote> of a chapter: the English. (A particle may follow the
 * closing tag directly: the quote itself is the toggle, see korean.test.ts.) */
const quotes = (text: string) => [...text.matchAll(/<PaperQuote en="([^"]*)">[\s\S]*?<\/PaperQuote>/g)].map((m) => ({ en: m[1] }));

const WORDING: Record<string, string[]> = {
	'01-introduction.md': [
		'이 노트북은 CVPR 2015 본문을 따르며',
		'주로 새로운 아이디어와 알고리즘',
		'논문은 어떻게 세는지 밝히지 않지만',
		'첫 층을 보통의 7×7 합성곱으로 두면',
		'<Num value={plainConv1Macs} format="billion" digits={2} />',
		'크롭(crop) <Num value={submitted.crops} />개마다 모델 <Num value={submitted.models} />개를 돌린 앙상블(ensemble)',
		'이런 네트워크 <Num value={ALEXNET_ENTRY_NETWORKS} />개의 평균',
		'<PaperQuote en="we need to go deeper">'
	],
	'02-related-work.md': ['<PaperQuote en="a logical culmination">'],
	'03-motivation.md': [
		'덜 엄격한 조건',
		'이 노트북이 직접 해 보는 실험',
		'섞은 대조군(shuffled control)',
		'잡음에서도 대각선을 따라 블록이 몇 개 보인다',
		'공간적으로는 이미 희소하다',
		'밀집(dense) 연결의 모음으로 계산된다',
		'Network-in-Network에 기반한 참조 네트워크',
		'<PaperQuote en="at least locally optimal">'
	],
	'04-architectural-details.md': ['3배에서 10배까지 빨라질 수 있다', '(이것은 CVPR 본문이며, arXiv v1에는 2배에서 3배라고 되어 있다.)'],
	'05-googlenet.md': [
		'재현되는 것은 <Num value={agreeing} />개뿐이고, <Num value={differs.length} />개는 재현되지 않는다',
		'논문은 어떻게 셌는지 밝히지 않지만',
		'K = 1000이어야 한다',
		'Chollet의 Xception 논문(2017, §1.2)',
		'모델 <Num value={ensembleSize} />개 가운데 <Num value={TABLE1_ENSEMBLE_MEMBERS} />개',
		'<PaperQuote en="deeper and wider">',
		'<PaperQuote en="one wider version">',
		'CVPR 본문에서는 <PaperQuote en="slightly superior">',
		'arXiv v1에서는 <PaperQuote en="slightly inferior">'
	]
};

const translated = CHAPTERS.filter((c) => existsSync(`notebooks/ko/${c.file}`));

describe.each(Object.entries(WORDING))('notebooks/ko/%s', (file, has) => {
	it('says what the corrected English says', () => {
		const text = prose(`notebooks/ko/${file}`);
		expect(has.filter((phrase) => !text.includes(phrase))).toEqual([]);
	});
});

describe.runIf(translated.length > 0)('paper quotes in the Korean chapters', () => {
	it.each(translated)('notebooks/ko/$file quotes only words its English chapter has', (c) => {
		const english = prose(`notebooks/${c.file}`);
		const missing = quotes(read(`notebooks/ko/${c.file}`)).filter((q) => !english.includes(q.en));
		expect(missing).toEqual([]);
	});

	it('a quote the English chapter does not have is caught', () => {
		const korean = '본문 <PaperQuote en="a logical conclusion">논리적 귀결</PaperQuote>.';
		const english = 'calls it "a logical culmination" of';
		expect(quotes(korean).filter((q) => !english.includes(q.en)).map((q) => q.en)).toEqual(['a logical conclusion']);
	});
});
