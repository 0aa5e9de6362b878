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
}

export const CHAPTERS: readonly ChapterInfo[] = [
	{
		slug: 'introduction',
		section: 1,
		title: 'Introduction',
		file: '01-introduction.md',
		summary: 'A deeper, cheaper winner: GoogLeNet against AlexNet and VGG-16, counted by the same code.'
	},
	{
		slug: 'related-work',
		section: 2,
		title: 'Related work',
		file: '02-related-work.md',
		summary: 'LeNet-style stacks, fixed Gabor filters at several scales, Network-in-Network’s 1×1 convolutions, R-CNN.'
	},
	{
		slug: 'motivation',
		section: 3,
		title: 'Motivation and high-level considerations',
		file: '03-motivation.md',
		summary: 'Why widening everything costs quadratically, and why the fix is sparse structure built from dense blocks.'
	},
	{
		slug: 'architectural-details',
		section: 4,
		title: 'Architectural details',
		file: '04-architectural-details.md',
		summary: 'The naive and the reduced Inception module side by side, with the arithmetic written out.'
	},
	{
		slug: 'googlenet',
		section: 5,
		title: 'GoogLeNet',
		file: '05-googlenet.md',
		summary: 'Table 1 audited row by row, and the two auxiliary classifiers that help train it.'
	},
	{
		slug: 'training',
		section: 6,
		title: 'Training methodology',
		file: '06-training.md',
		summary: 'The learning-rate schedule, momentum, and the random patches the network was trained on.'
	},
	{
		slug: 'classification',
		section: 7,
		title: 'ILSVRC 2014 classification challenge',
		file: '07-classification.md',
		summary: 'Tables 2 and 3 as charts, and how the test crops of one image are cut.'
	},
	{
		slug: 'detection',
		section: 8,
		title: 'ILSVRC 2014 detection challenge',
		file: '08-detection.md',
		summary: 'Inception as the region classifier of an R-CNN-style detector, and how it placed.'
	},
	{
		slug: 'conclusions',
		section: 9,
		title: 'Conclusions',
		file: '09-conclusions.md',
		summary: 'Dense building blocks approximating a sparse structure: much better for a little more compute.'
	},
	{
		slug: 'feature-visualization',
		section: null,
		title: 'What the units look for',
		file: 'appendix-feature-visualization.md',
		summary: 'Beyond the paper: this network in the history of DeepDream, feature visualization and attribution, made live.'
	}
];

/** The chapters that are sections of the paper, and the appendices after them. */
export const PAPER_CHAPTERS = CHAPTERS.filter((c) => c.section !== null);
export const APPENDICES = CHAPTERS.filter((c) => c.section === null);

/** "7", or "Appendix" for a chapter that is not a section of the paper. */
export const chapterNumber = (c: ChapterInfo): string => (c.section === null ? 'Appendix' : String(c.section));

/** The chapter's heading as its page shows it: "7. ILSVRC 2014 ...", "Appendix: What the units look for". */
export const chapterHeading = (c: ChapterInfo): string => (c.section === null ? `Appendix: ${c.title}` : `${c.section}. ${c.title}`);

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
