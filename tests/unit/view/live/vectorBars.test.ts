import { describe, expect, it } from 'vitest';
import { LIVE_TAPS } from '../../../../src/lib/view/live/query';
import { isVector, percent, vectorBars } from '../../../../src/lib/view/live/vectorBars';

const vector = (layer: string, values: number[]) => ({ layer, height: 1, width: 1, channels: values.length, data: Float32Array.from(values) });
const labels = Array.from({ length: 1000 }, (_, i) => (i === 285 ? 'Egyptian cat' : i === 281 ? 'tabby, tabby cat' : `class name ${i}`));

describe('1×1 feature maps as bars', () => {
	it('are the layers after the last 7×7 pool, and the auxiliary heads past their pool', () => {
		const vectors = [...LIVE_TAPS].filter(([, [h, w]]) => isVector({ height: h, width: w })).map(([n]) => n);
		expect(vectors).toEqual(expect.arrayContaining(['pool5/7x7_s1', 'pool5/drop_7x7_s1', 'loss3/classifier', 'prob', 'loss1/fc', 'loss2/classifier']));
		expect(vectors).not.toContain('inception_5b/output');
	});

	it('names the top classes of the softmax by their labels, as percentages on a 0-100% scale', () => {
		const p = new Array(1000).fill(0.0002);
		p[285] = 0.495;
		p[281] = 0.131;
		const view = vectorBars(vector('prob', p), labels, 3);
		expect(view.classes && view.probabilities).toBe(true);
		expect(view.top.map((b) => [b.index, b.label, b.text])).toEqual([
			[285, 'Egyptian cat', '49.5%'],
			[281, 'tabby', '13.1%'],
			[0, 'class name 0', '0.02%']
		]);
		expect(view.top[1]?.full).toBe('tabby, tabby cat');
		expect([view.low, view.high]).toEqual([0, 1]);
	});

	it("names classes by number without labels, and a classifier's scores (logits) by value on their own range", () => {
		const logits = Array.from({ length: 1000 }, (_, i) => (i === 7 ? 12.5 : -1 + i / 1000));
		const view = vectorBars(vector('loss3/classifier', logits), null, 2);
		expect(view.classes).toBe(true);
		expect(view.probabilities).toBe(false);
		expect(view.top.map((b) => b.label)).toEqual(['class 7', 'class 999']);
		expect(view.top[0]?.text).toBe('12.5');
		expect(view.low).toBe(-1);
		expect(view.high).toBeCloseTo(12.5);
	});

	it('shows the strongest channels of a layer that is not the classes, counting those above zero', () => {
		const values = Array.from({ length: 1024 }, (_, i) => (i % 4 === 0 ? i / 1024 : 0));
		const view = vectorBars(vector('pool5/7x7_s1', values), labels, 2);
		expect(view.classes).toBe(false);
		expect(view.top.map((b) => b.label)).toEqual(['channel 1020', 'channel 1016']);
		expect(view.positive).toBe(255);
		expect(view.count).toBe(1024);
	});

	it('writes tiny probabilities without rounding them to zero', () => {
		expect(percent(0.00001)).toBe('<0.01%');
		expect(percent(0)).toBe('0.00%');
		expect(percent(0.0771)).toBe('7.71%');
	});
});
