// ImageNet's class names in Korean: keyed by WordNet id in the labels' order, every name written.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imagenetName } from '$lib/i18n/imagenet';
import { IMAGENET_KO } from '$lib/i18n/imagenet-ko';
import { MODEL_SRC } from '../engine/helpers';

const SYNSETS = join(MODEL_SRC, 'synset_words.txt');
const HAS_SYNSETS = existsSync(SYNSETS);
/** The names that stay in Latin letters on purpose (none so far). */
const LATIN_ON_PURPOSE = new Set<string>([]);

describe('ImageNet class names', () => {
	it('English returns the label it is given; Korean the Korean name', () => {
		expect(imagenetName(0, 'tench, Tinca tinca', 'en')).toBe('tench, Tinca tinca');
		expect(imagenetName(0, 'tench, Tinca tinca', 'ko')).toBe('텐치');
		expect(imagenetName(285, 'Egyptian cat', 'ko')).toBe('이집트 고양이');
		expect(imagenetName(967, 'espresso', 'ko')).toBe('에스프레소');
		expect(imagenetName(5000, 'no such class', 'ko')).toBe('no such class');
	});

	it('has all 1000 names written, each with Hangul in it and no two alike', () => {
		expect(IMAGENET_KO).toHaveLength(1000);
		const bad = IMAGENET_KO.filter(([, name]) => name.trim() === '' || (!/[\uac00-\ud7a3]/.test(name) && !LATIN_ON_PURPOSE.has(name)));
		expect(bad).toEqual([]);
		expect(new Set(IMAGENET_KO.map(([id]) => id)).size).toBe(IMAGENET_KO.length);
		expect(new Set(IMAGENET_KO.map(([, name]) => name)).size).toBe(IMAGENET_KO.length);
	});

	// CI holds ../shared/models/bvlc_googlenet; only a checkout without it skips, and CI fails instead.
	it.skipIf(!HAS_SYNSETS && !process.env.CI)(`follows synset_words.txt line by line${HAS_SYNSETS ? '' : ' (skipped: ../shared/models/bvlc_googlenet is absent)'}`, () => {
		const ids = readFileSync(SYNSETS, 'utf8')
			.split(/\r?\n/)
			.filter((l) => l.trim() !== '')
			.map((l) => l.split(/\s/)[0]);
		expect(ids).toHaveLength(1000);
		expect(IMAGENET_KO.map(([id]) => id)).toEqual(ids);
	});
});
