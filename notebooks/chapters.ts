// The notebook's chapters: one per section of the paper (shared/docs/paper.md, "Section map"),
// in order, then the appendices, which go beyond the paper (their `section` is null). The
// Markdown file's own heading must be `chapterHeading` ("# N. Title", or "# Appendix: Title")
// (tests/unit/notebook/chapters.test.ts checks it).

export interface ChapterInfo {
	/** URL segment: /chapters/<slug>/ */
	readonly slug: string;
	/** The paper's section number; null for an appendix, which is not a section of the paper. */
	readonly section: number | null;
	readonly title: string;
	/** File name in notebooks/. */
	readonly file: string;
	/** One line for the contents page. */
	readonly summary: string;
	/** The Korean edition's title and line (notebooks/ko/<file>'s "# N. 제목" must match the title). */
	readonly ko: { readonly title: string; readonly summary: string };
}

export const CHAPTERS: readonly ChapterInfo[] = [
	{
		slug: 'introduction',
		section: 1,
		title: 'Introduction',
		file: '01-introduction.md',
		summary: 'A deeper, cheaper winner: GoogLeNet against AlexNet and VGG-16, counted by the same code.',
		ko: { title: '서론', summary: '더 깊으면서도 더 가벼운 우승작: GoogLeNet을 AlexNet, VGG-16과 같은 코드로 세어 견준다.' }
	},
	{
		slug: 'related-work',
		section: 2,
		title: 'Related work',
		file: '02-related-work.md',
		summary: 'LeNet-style stacks, fixed Gabor filters at several scales, Network-in-Network’s 1×1 convolutions, R-CNN.',
		ko: { title: '관련 연구', summary: 'LeNet식으로 쌓은 층, 여러 스케일의 고정된 가보르 필터, Network-in-Network의 1×1 합성곱, R-CNN.' }
	},
	{
		slug: 'motivation',
		section: 3,
		title: 'Motivation and high-level considerations',
		file: '03-motivation.md',
		summary: 'Why widening everything costs quadratically, and why the fix is sparse structure built from dense blocks.',
		ko: { title: '동기와 상위 수준의 고려 사항', summary: '모든 층을 넓히면 비용이 제곱으로 느는 이유, 그리고 해법이 밀집 블록으로 지은 희소 구조인 이유.' }
	},
	{
		slug: 'architectural-details',
		section: 4,
		title: 'Architectural details',
		file: '04-architectural-details.md',
		summary: 'The naive and the reduced Inception module side by side, with the arithmetic written out.',
		ko: { title: '구조의 세부 사항', summary: '단순한 인셉션 모듈과 차원을 축소한 모듈을 나란히 놓고, 그 계산을 풀어 쓴다.' }
	},
	{
		slug: 'googlenet',
		section: 5,
		title: 'GoogLeNet',
		file: '05-googlenet.md',
		summary: 'Table 1 audited row by row, and the two auxiliary classifiers that help train it.',
		ko: { title: 'GoogLeNet', summary: '표 1을 행마다 검산하고, 학습을 돕는 두 보조 분류기를 살핀다.' }
	},
	{
		slug: 'training',
		section: 6,
		title: 'Training methodology',
		file: '06-training.md',
		summary: 'The learning-rate schedule, momentum, and the random patches the network was trained on.',
		ko: { title: '훈련 방법', summary: '학습률 스케줄, 모멘텀, 그리고 네트워크가 훈련에 쓴 무작위 패치.' }
	},
	{
		slug: 'classification',
		section: 7,
		title: 'ILSVRC 2014 classification challenge',
		file: '07-classification.md',
		summary: 'Tables 2 and 3 as charts, and how the test crops of one image are cut.',
		ko: { title: 'ILSVRC 2014 분류 챌린지', summary: '표 2와 표 3을 차트로 보고, 이미지 한 장의 테스트 크롭을 어떻게 자르는지 본다.' }
	},
	{
		slug: 'detection',
		section: 8,
		title: 'ILSVRC 2014 detection challenge',
		file: '08-detection.md',
		summary: 'Inception as the region classifier of an R-CNN-style detector, and how it placed.',
		ko: { title: 'ILSVRC 2014 검출 챌린지', summary: 'R-CNN 방식 검출기의 영역 분류기로 쓰인 인셉션, 그리고 그 순위.' }
	},
	{
		slug: 'conclusions',
		section: 9,
		title: 'Conclusions',
		file: '09-conclusions.md',
		summary: 'Dense building blocks approximating a sparse structure: much better for a little more compute.',
		ko: { title: '결론', summary: '희소 구조를 근사하는 밀집 빌딩 블록: 계산을 조금 더 들여 훨씬 나은 결과를 얻는다.' }
	},
	{
		slug: 'feature-visualization',
		section: null,
		title: 'What the units look for',
		file: 'appendix-feature-visualization.md',
		summary: 'Beyond the paper: this network in the history of DeepDream, feature visualization and attribution, made live.',
		ko: { title: '유닛이 찾는 것', summary: '논문 너머: DeepDream, 특징 시각화, 기여도 분석의 역사 속 이 네트워크를 직접 돌려 본다.' }
	}
];

/** The chapters that are sections of the paper, and the appendices after them. */
export const PAPER_CHAPTERS = CHAPTERS.filter((c) => c.section !== null);
export const APPENDICES = CHAPTERS.filter((c) => c.section === null);

const APPENDIX = { en: 'Appendix', ko: '부록' } as const;

/** "7", or "Appendix" ("부록") for a chapter that is not a section of the paper. */
export const chapterNumber = (c: ChapterInfo, locale: 'en' | 'ko' = 'en'): string =>
	c.section === null ? APPENDIX[locale] : String(c.section);

/** The chapter's heading as its page shows it: "7. ILSVRC 2014 ...", "Appendix: What the units look for". */
export const chapterHeading = (c: ChapterInfo, locale: 'en' | 'ko' = 'en'): string => {
	const { title } = chapterText(c, locale);
	return c.section === null ? `${APPENDIX[locale]}: ${title}` : `${c.section}. ${title}`;
};

export interface ChapterPlace {
	readonly chapter: ChapterInfo;
	readonly previous?: ChapterInfo;
	readonly next?: ChapterInfo;
}

/** A chapter and its neighbours, or undefined for an unknown slug. */
export function chapterPlace(slug: string): ChapterPlace | undefined {
	const i = CHAPTERS.findIndex((c) => c.slug === slug);
	if (i < 0) return undefined;
	return {
		chapter: CHAPTERS[i],
		...(i > 0 ? { previous: CHAPTERS[i - 1] } : {}),
		...(i < CHAPTERS.length - 1 ? { next: CHAPTERS[i + 1] } : {})
	};
}

/** A chapter's title and summary in one edition. */
export function chapterText(chapter: ChapterInfo, locale: 'en' | 'ko'): { title: string; summary: string } {
	return locale === 'ko' ? chapter.ko : { title: chapter.title, summary: chapter.summary };
}
