// The chapters say what the paper says (issue 12's line-by-line check against arXiv v1 and CVPR
// 2015): the corrected wording is there and the old, wrong wording is gone.
import { readFileSync } from 'node:fs';
import { compile } from 'mdsvex';
import { describe, expect, it, test } from 'vitest';
import { networkCost } from '$lib/core/cost';
import { CHAPTERS } from '../../../notebooks/chapters';
import { mdsvexOptions } from '../../../svelte.config.js';

const source = (file: string) => readFileSync(`notebooks/${file}`, 'utf8');
/** The prose, with line breaks folded so a phrase may span lines. */
const prose = (file: string) => source(file).replace(/<script>[\s\S]*?<\/script>/, '').replace(/\s+/g, ' ');

const WORDING: Record<string, { has: string[]; not: string[] }> = {
	'01-introduction.md': {
		has: [
			'The notebook follows the CVPR 2015 text',
			'not just the result of more powerful hardware, larger data sets and bigger models, but mainly a consequence of new ideas',
			'The paper does not say how it counts',
			'With the first layer as a plain 7×7 convolution',
			'<Num value={plainConv1Macs} format="billion" digits={2} />',
			'from an ensemble of <Num value={submitted.models} /> models each run on <Num value={submitted.crops} /> crops',
			'whose entry averaged <Num value={ALEXNET_ENTRY_NETWORKS} />'
		],
		not: ['most of the gain did not come from bigger computers', 'the way the paper counts']
	},
	'02-related-work.md': { has: ['"a logical culmination" of Network-in-Network'], not: [] },
	'03-motivation.md': {
		has: [
			'under less strict conditions',
			"the widget below is the notebook's own experiment",
			'shuffled control',
			'some blocks along the diagonal appear even in noise',
			'sparse in space',
			'computed as collections of dense connections',
			'measured against reference networks based on Network-in-Network',
			'"at least locally optimal"'
		],
		not: ['far less strict', 'It can be seen in any trained network']
	},
	'04-architectural-details.md': {
		has: ['3 to 10 times faster', 'That is the CVPR text; arXiv v1 says 2 to 3 times faster'],
		not: ['were 2 to 3 times faster than']
	},
	'05-googlenet.md': {
		has: [
			'only <Num value={agreeing} /> reproduce; <Num value={differs.length} /> do not',
			'The paper does not say how it counted',
			'needs K = 1000',
			"Chollet's Xception paper (2017, §1.2)",
			'used by <Num value={TABLE1_ENSEMBLE_MEMBERS} /> of the <Num value={ensembleSize} /> models',
			'"deeper and wider"',
			'"one wider version"',
			'"slightly superior" in the CVPR text, and "slightly inferior" in arXiv v1'
		],
		not: ['Most rows reproduce', 'which the paper rounds to', 'the paper counts <Tex']
	},
	'07-classification.md': {
		has: [
			'prints <Num value={PRINTED_REDUCTION_VS_2012} format="percent" digits={1} />',
			'The paper does not say which 10 crops it used',
			'lowest top-1 error on the validation data',
			'top-1 error being the share of images whose single most likely class is wrong',
			'section 5 calls it deeper and wider'
		],
		not: ['rounds the first to', "AlexNet's <Num value={oneModel10.crops} />-crop scheme (the four corners"]
	},
	'08-detection.md': {
		has: [
			'ImageNet 1k, the classification data',
			'GoogLeNet did not use the localisation data',
			'In Table 5 the best single model',
			'<Num value={single.map} format="percent" digits={2} />'
		],
		not: []
	},
	'09-conclusions.md': {
		has: [
			'applying the insights of the Inception architecture to other domains',
			'arXiv v1 names just the first',
			'The errors compare ensembles, not single networks',
			'(<Num value={ALEXNET_ENTRY_NETWORKS} /> networks averaged)'
		],
		not: ['insights of Arora et al. to other domains']
	},
	// The DeepDream and attribution widgets sit in the appendix itself: its prose points at them,
	// not away to the live page.
	'appendix-feature-visualization.md': {
		has: ['The widget above runs it on this network', 'the widget above lets you try it'],
		not: ['The live page runs it', 'and the live page lets you try it']
	}
};

describe('the chapters word it as the paper does', () => {
	it.each(Object.entries(WORDING))('%s', (file, { has, not }) => {
		const text = prose(file);
		for (const phrase of has) expect(text, phrase).toContain(phrase);
		for (const phrase of not) expect(text, phrase).not.toContain(phrase);
	});

	test('the version followed is named once, in chapter 1', () => {
		const naming = CHAPTERS.filter((c) => prose(c.file).includes('The notebook follows the CVPR 2015 text'));
		expect(naming.map((c) => c.file)).toEqual(['01-introduction.md']);
	});

	it.each(CHAPTERS)('$file: a possessive after a bracket gets an apostrophe, not an opening quote', async (c) => {
		const compiled = (await compile(source(c.file), { ...mdsvexOptions, filename: c.file }))!.code;
		expect(compiled).not.toMatch(/‘s\b/);
	});
});

describe('the figures the corrected wording rests on', () => {
	const printed = networkCost({ convention: 'printed' });
	const run = networkCost({ convention: 'run' });
	const separable = printed.rows[0]!.layers[0]!;
	const plain = run.rows[0]!.layers[0]!;

	test("row 1's printed 2.7K is 2,712 weights in K = 1000, not in K = 1024", () => {
		expect(separable.weights).toBe(2712);
		expect((separable.weights / 1000).toFixed(1)).toBe('2.7');
		expect((separable.weights / 1024).toFixed(2)).toBe('2.65');
		expect((separable.weights / 1024).toFixed(1)).toBe('2.6');
	});

	test("chapter 1's 1.50 billion needs the separable conv1; the plain one gives 1.58 billion", () => {
		expect((printed.total.macs / 1e9).toFixed(2)).toBe('1.50');
		const withPlain = printed.total.macs - separable.macs + plain.macs;
		expect((withPlain / 1e9).toFixed(2)).toBe('1.58');
	});
});
