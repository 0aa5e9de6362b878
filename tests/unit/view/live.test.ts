import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { plan } from '../../../src/lib/core/plan';
import { diagramModel } from '../../../src/lib/view/diagram/model';
import { tapShapes } from '../../../src/lib/engine/googlenet';
import { channelPixels, channelStats, COLOUR_MAP, quantile, rangeOf, shortValue, type Tap } from '../../../src/lib/view/live/featureMaps';
import { filterImages } from '../../../src/lib/view/live/filters';
import {
	DEFAULT_VIEW,
	LIVE_TAPS,
	SAMPLE_FILES,
	SAMPLE_IDS,
	LIVE_TITLES,
	tapGroups,
	tapTitle,
	viewFromQuery,
	viewToQuery
} from '../../../src/lib/view/live/query';

const parse = (q: string) => viewFromQuery(new URLSearchParams(q));

describe('live view as a URL', () => {
	it('reads the example address of the brief', () => {
		const { view, errors } = parse('image=chelsea&layer=inception_4c/3x3&channel=17');
		expect(errors).toEqual([]);
		expect(view).toEqual({ ...DEFAULT_VIEW, image: 'chelsea', layer: 'inception_4c/3x3', channel: 17 });
	});

	it('round-trips every field, keeping slashes readable', () => {
		const v = { image: 'rocket' as const, layer: 'loss2/conv', channel: 127, crops: 144 as const, scale: 'channel' as const, backend: 'wasm' as const, precision: 'float32' as const };
		const q = viewToQuery(v);
		expect(q).toBe('image=rocket&layer=loss2/conv&channel=127&crops=144&scale=channel&backend=wasm&precision=float32');
		expect(parse(q)).toEqual({ view: v, errors: [] });
		expect(viewToQuery({ ...DEFAULT_VIEW, image: null })).toBe('layer=inception_3a/output&channel=0');
	});

	it('keeps what is valid and names what is not', () => {
		const { view, errors } = parse('image=dog&layer=inception_9z/3x3&channel=3&crops=7&backend=tpu&scale=log');
		expect(view).toEqual({ ...DEFAULT_VIEW, channel: 3 });
		expect(errors).toHaveLength(5);
		for (const key of ['image=dog', 'layer=inception_9z/3x3', 'crops=7', 'backend=tpu', 'scale=log'])
			expect(errors.some((e) => e.startsWith(`${key}:`))).toBe(true);
		expect(parse('layer=conv1/7x7_s2&channel=64').errors).toEqual(['channel=64: conv1/7x7_s2 has channels 0 to 63']);
		expect(parse('channel=-1').errors).toHaveLength(1);
		// The Korean page says the same in Korean.
		expect(viewFromQuery(new URLSearchParams('layer=conv1/7x7_s2&channel=64&crops=7'), 'ko').errors).toEqual([
			'channel=64: conv1/7x7_s2 층의 채널은 0부터 63까지다',
			'crops=7: 가능한 값은 1, 10, 144'
		]);
		expect(parse('channel=1.5').errors).toHaveLength(1);
	});

	it('lists the same taps as the engine, grouped for the picker', () => {
		expect([...LIVE_TAPS.entries()]).toEqual([...tapShapes(plan()).entries()]);
		const groups = tapGroups(LIVE_TAPS.keys());
		expect(groups.map((g) => g.label).slice(0, 5)).toEqual(['conv1', 'pool1', 'conv2', 'pool2', 'inception (3a)']);
		expect(groups.find((g) => g.label === 'inception (4c)')?.taps).toHaveLength(8);
		expect(groups.filter((g) => g.label.endsWith(' head'))).toHaveLength(2);
	});

	it("titles every feature map by the diagram's names, friendly first, the Caffe name kept beside", () => {
		expect(tapTitle('inception_4c/3x3')).toEqual({
			caffe: 'inception_4c/3x3',
			group: 'inception (4c)',
			short: '3×3 branch: 3×3 conv',
			title: 'inception (4c), 3×3 branch: 3×3 conv'
		});
		expect(tapTitle('inception_4c/5x5_reduce').short).toBe('5×5 branch: 1×1 reduce');
		expect(tapTitle('inception_4c/pool_proj').short).toBe('pool branch: 1×1 proj');
		expect(tapTitle('inception_4c/output').title).toBe('inception (4c) output');
		expect(tapTitle('pool5/7x7_s1').title).toBe('avg pool 7×7/1');
		expect(tapTitle('pool5/drop_7x7_s1').title).toBe('dropout 40%');
		expect(tapTitle('loss3/classifier').title).toBe('linear 1000');
		expect(tapTitle('prob').title).toBe('softmax');
		expect(tapTitle('loss1/conv').title).toBe('loss1 head: 1×1 conv 128');
		// Every tap has one, and within its group no two read the same.
		expect([...LIVE_TAPS.keys()].filter((n) => !LIVE_TITLES.has(n))).toEqual([]);
		const seen = [...LIVE_TITLES.values()].map((t) => `${t.group} / ${t.short}`);
		expect(new Set(seen).size).toBe(seen.length);
		// The same words as the architecture diagram's nodes.
		const titles = new Map(diagramModel(networkCost(), new Set(['inception_4c'])).nodes.map((n) => [n.id, n.title]));
		expect(titles.get('pool5/7x7_s1')).toBe('avg pool 7×7/1');
		expect(tapTitle('inception_4c/3x3').short.endsWith(titles.get('inception_4c/3x3') as string)).toBe(true);
	});

	it('names only samples that are in static/samples with a credit', () => {
		const credits = readFileSync('static/samples/CREDITS.md', 'utf8');
		for (const id of SAMPLE_IDS) expect(credits).toContain(`| ${SAMPLE_FILES[id]} |`);
	});
});

const tap = (values: number[], height: number, width: number, channels: number): Tap => ({
	layer: 't',
	height,
	width,
	channels,
	data: Float32Array.from(values)
});

describe('feature maps as pictures', () => {
	// 2x2 pixels, 2 channels (HWC): channel 0 = 0,1,2,3; channel 1 = 0,0,0,0.
	const t = tap([0, 0, 1, 0, 2, 0, 3, 0], 2, 2, 2);

	it('summarises each channel and the layer', () => {
		const s = channelStats(t);
		expect([...s.min]).toEqual([0, 0]);
		expect([...s.max]).toEqual([3, 0]);
		expect([...s.mean]).toEqual([1.5, 0]);
		expect([s.layerMin, s.layerMax]).toEqual([0, 3]);
		expect(rangeOf(s, 1, 'channel')).toEqual([0, 0]);
		expect(rangeOf(s, 1, 'shared')).toEqual([0, s.layerHigh]);
	});

	it('finds any quantile as a full sort would, ties and all', () => {
		let seed = 3;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
		for (const n of [1, 2, 7, 1000, 30_001]) {
			const values = Float32Array.from({ length: n }, () => (next() < 0.3 ? 0 : Math.round(next() * 50) - 10));
			const sorted = Float32Array.from(values).sort();
			for (const q of [0, 0.1, 0.5, 0.9, 0.999, 1]) expect(quantile(values, q)).toBe(sorted[Math.floor(q * (n - 1))]);
		}
	});

	it('clips the shared scale at the 99.9th percentile', () => {
		const values = new Float32Array(10_000).map((_, i) => i % 100);
		values[5] = 1e6;
		expect(quantile(values, 0.999)).toBe(99);
		const s = channelStats({ layer: 'x', height: 100, width: 100, channels: 1, data: values });
		expect(s.layerMax).toBe(1e6);
		expect(s.layerHigh).toBe(99);
	});

	it('paints low values dark and high values bright, a flat range at the bottom', () => {
		const px = channelPixels(t, 0, [0, 3]);
		expect([...px.slice(0, 4)]).toEqual([...COLOUR_MAP.slice(0, 4)]);
		expect([...px.slice(12, 16)]).toEqual([...COLOUR_MAP.slice(255 * 4, 256 * 4)]);
		expect(COLOUR_MAP[255 * 4]).toBeGreaterThan(200); // inferno ends in light yellow
		const flat = channelPixels(t, 1, [0, 0]);
		expect([...flat.slice(0, 4)]).toEqual([...COLOUR_MAP.slice(0, 4)]);
	});

	it('writes short values', () => {
		expect(shortValue(0)).toBe('0');
		expect(shortValue(675.4)).toBe('675');
		expect(shortValue(1234.5)).toBe('1235');
		expect(shortValue(0.001234)).toBe('1.2e-3');
	});
});

describe("conv1's filters as pictures", () => {
	it('draws BGR weights as RGB, grey at zero, each filter on its own scale', () => {
		// [7, 7, 3, 2]: filter 0 is +1 on blue at the top-left pixel; filter 1 is -2 on red everywhere.
		const shape = [7, 7, 3, 2];
		const data = new Float32Array(7 * 7 * 3 * 2);
		data[0 * 2 + 0] = 1; // y0 x0 ch0 (B) f0
		for (let p = 0; p < 49; p++) data[(p * 3 + 2) * 2 + 1] = -2; // ch2 (R) f1
		const [f0, f1] = filterImages(data, shape);
		expect([...(f0?.pixels.slice(0, 4) ?? [])]).toEqual([128, 128, 255, 255]);
		expect([...(f0?.pixels.slice(4, 8) ?? [])]).toEqual([128, 128, 128, 255]);
		expect([...(f1?.pixels.slice(0, 4) ?? [])]).toEqual([0, 128, 128, 255]);
		expect(() => filterImages(new Float32Array(7 * 7 * 4), [7, 7, 4, 1])).toThrow(/3/);
	});
});
