// The DOM-free helpers of the DeepDream and attribution widgets.
import { describe, expect, it } from 'vitest';
import { heatColour, overlayHeatmap } from '../../../../src/lib/engine/gradients/overlay';
import { CAM_LAYERS, DEFAULT_CAM_LAYER, DEFAULT_DREAM_LAYER, DREAM_LAYERS, layerProblem, RANDOMIZE_FROM } from '../../../../src/lib/view/attribution/layers';
import { dreamProgress } from '../../../../src/lib/view/attribution/progress';
import { caveat, shortLabel } from '../../../../src/lib/view/attribution/methods';
import { oneLine, stopped } from '../../../../src/lib/view/attribution/client';

const grey = (width: number, height: number, v = 100) => ({ width, height, data: new Uint8ClampedArray(width * height * 4).fill(v) });

describe('the overlay the widgets draw (engine/gradients/overlay.ts, shared with the CLI)', () => {
	it('leaves the photo untouched where the map is zero and colours it where it is one', () => {
		const photo = grey(4, 4);
		const values = new Float32Array(4 * 4);
		values[0] = 1;
		const out = overlayHeatmap(photo, { width: 4, height: 4, values }, 0.7);
		expect(Array.from(out.data.slice(4 * 15, 4 * 16))).toEqual([100, 100, 100, 255]);
		const [r, g, b] = heatColour(1);
		expect(Math.abs((out.data[0] as number) - (100 * 0.3 + r * 0.7))).toBeLessThanOrEqual(1);
		expect(Math.abs((out.data[1] as number) - (100 * 0.3 + g * 0.7))).toBeLessThanOrEqual(1);
		expect(Math.abs((out.data[2] as number) - (100 * 0.3 + b * 0.7))).toBeLessThanOrEqual(1);
	});

	it('samples a coarse map (7x7 over 224) smoothly, its peak in place', () => {
		const values = new Float32Array(49);
		values[3 * 7 + 3] = 1; // the centre cell
		const out = overlayHeatmap(grey(224, 224, 0), { width: 7, height: 7, values }, 1);
		const red = (x: number, y: number) => out.data[(y * 224 + x) * 4] as number;
		expect(red(112, 112)).toBeGreaterThan(red(112, 90));
		expect(red(112, 90)).toBeGreaterThan(red(112, 70));
		expect(red(0, 0)).toBe(0);
	});
});

describe('layers', () => {
	it('offers the original DeepDream layer and Grad-CAM on the last module by default', () => {
		expect(DREAM_LAYERS).toContain(DEFAULT_DREAM_LAYER);
		expect(DEFAULT_DREAM_LAYER).toBe('inception_4c/output');
		expect(CAM_LAYERS).toContain(DEFAULT_CAM_LAYER);
		expect(CAM_LAYERS.at(-1)).toBe('inception_5b/output');
		expect(DREAM_LAYERS.every((l) => !l.startsWith('loss'))).toBe(true);
	});

	it('cascades the randomization from the classifier down, module by module', () => {
		expect(RANDOMIZE_FROM[0]?.value).toBe('loss3/classifier');
		expect(RANDOMIZE_FROM[1]?.value).toBe('inception_5b');
		expect(RANDOMIZE_FROM.at(-1)?.value).toBe('inception_4a');
	});

	it('refuses a layer the network does not have, or one not offered, in one line', () => {
		expect(layerProblem('inception_4c/output', DREAM_LAYERS, DEFAULT_DREAM_LAYER)).toBeNull();
		const missing = layerProblem('inception_9z/output', DREAM_LAYERS, DEFAULT_DREAM_LAYER);
		expect(missing).toMatch(/no layer named “inception_9z\/output”; using inception_4c\/output/);
		expect(missing).not.toContain('\n');
		expect(layerProblem('conv1/7x7_s2', CAM_LAYERS, DEFAULT_CAM_LAYER)).toMatch(/cannot be used here/);
	});
});

describe('DeepDream progress', () => {
	it('reads steps done as octave k of n, step s of S', () => {
		expect(dreamProgress(0, 40, 10)).toEqual({ octave: 1, octaves: 4, step: 0, steps: 10 });
		expect(dreamProgress(1, 40, 10)).toEqual({ octave: 1, octaves: 4, step: 1, steps: 10 });
		expect(dreamProgress(10, 40, 10)).toEqual({ octave: 1, octaves: 4, step: 10, steps: 10 });
		expect(dreamProgress(11, 40, 10)).toEqual({ octave: 2, octaves: 4, step: 1, steps: 10 });
		expect(dreamProgress(40, 40, 10)).toEqual({ octave: 4, octaves: 4, step: 10, steps: 10 });
		expect(dreamProgress(99, 40, 10)).toEqual({ octave: 4, octaves: 4, step: 10, steps: 10 });
	});

	it('counts the octaves the engine runs (a small photo skips the smallest)', () => {
		// 3 octaves asked, 2 run: 20 steps in all.
		expect(dreamProgress(15, 20, 10)).toEqual({ octave: 2, octaves: 2, step: 5, steps: 10 });
	});
});

describe('methods', () => {
	it('names each method with its caveat in one line, the Grad-CAM grid read from the plan', () => {
		expect(caveat('gradcam', 'inception_5b/output')).toMatch(/Coarse: 7×7 for this layer, upsampled/);
		expect(caveat('gradcam', 'inception_4c/output')).toMatch(/14×14/);
		expect(caveat('saliency', 'inception_5b/output')).toMatch(/first-order estimate.*Noisy/);
		for (const m of ['gradcam', 'saliency'] as const) expect(caveat(m, 'inception_5b/output')).not.toContain('\n');
		expect(shortLabel('tabby, tabby cat')).toBe('tabby');
	});

	it('tells a stop from a failure, and makes one line of either', () => {
		const abort = new Error('stopped');
		expect(stopped(new Error('stopped'))).toBe(false); // by its name, not its words
		abort.name = 'AbortError';
		expect(stopped(abort)).toBe(true);
		expect(stopped(new Error('out of memory'))).toBe(false);
		expect(oneLine(new Error('weights truncated\n  at worker.js:1'))).toBe('weights truncated');
		expect(oneLine(undefined)).toBe('the gradient worker failed');
	});
});

describe('the randomization choices against the engine', () => {
	it('names layers the engine re-draws, the classifier alone first, then each module and all above it', async () => {
		const { randomizedLayers } = await import('../../../../src/lib/engine/gradients/attribution');
		const { plan } = await import('../../../../src/lib/core/plan');
		const p = plan();
		expect(randomizedLayers(p, RANDOMIZE_FROM[0]!.value)).toEqual(['loss3/classifier']);
		let before = 1;
		for (const r of RANDOMIZE_FROM.slice(1)) {
			const layers = randomizedLayers(p, r.value);
			expect(layers[0]).toBe(`${r.value}/1x1`);
			expect(layers.length).toBeGreaterThan(before);
			before = layers.length;
		}
	});
});

describe('the randomization verdict', () => {
	const map = (values: number[]) => ({ width: values.length, height: 1, values: new Float32Array(values) });
	it('states the correlation and whether the map changed', async () => {
		const { verdict } = await import('../../../../src/lib/view/attribution/verdict');
		const changed = verdict(map([0, 0.5, 1]), map([1, 0.5, 0]), -1);
		expect(changed).toMatchObject({ rho: -1, changed: true });
		expect(changed.text).toBe('Spearman rank correlation between the two maps: −1.00 (1 would be the same ranking of pixels). The map changed: it depends on the trained weights, as it must.');
		const same = verdict(map([0, 0.5, 1]), map([0, 0.4, 1]), 1);
		expect(same).toMatchObject({ rho: 1, changed: false });
		expect(same.text).toMatch(/barely changed \(at or above 0\.9\)/);
	});

	it('states no correlation for a flat map, and says an emptied map changed completely', async () => {
		const { verdict } = await import('../../../../src/lib/view/attribution/verdict');
		const emptied = verdict(map([0, 0.5, 1]), map([0, 0, 0]), NaN);
		expect(emptied).toMatchObject({ rho: null, changed: true });
		expect(emptied.text).toMatch(/^With random weights the map is empty.*changed completely/);
		expect(verdict(map([0, 0, 0]), map([0, 0, 0]), NaN)).toMatchObject({ rho: null, changed: false });
	});
});
