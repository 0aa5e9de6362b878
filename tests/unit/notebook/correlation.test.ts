import { describe, expect, test } from 'vitest';
import {
	channelCorrelation,
	clusterOrder,
	correlationColour,
	correlationPixels,
	neighbourCorrelation,
	shuffleChannels,
	type Activations
} from '$components/notebook/correlation';

/** A deterministic pseudo-random stream in [0, 1). */
function random(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** `photos` photos of `positions` positions each; channel k follows latent group[k] plus noise. */
function synthetic(groups: readonly number[], photos = 3, positions = 200) {
	const c = groups.length;
	const rand = random(7);
	return Array.from({ length: photos }, () => {
		const data = new Float32Array(positions * c);
		for (let i = 0; i < positions; i++) {
			const latent = [rand(), rand(), rand()].map((v) => v * 4);
			for (let k = 0; k < c; k++) data[i * c + k] = (latent[groups[k] as number] as number) + 0.3 * rand();
		}
		return { channels: c, data };
	});
}

describe('channel correlation', () => {
	test('is 1 on the diagonal, symmetric, and matches a hand computation', () => {
		// Two channels over 4 positions: x and 2x + 1 (r = 1), and x against its reverse.
		const data = new Float32Array([1, 4, 2, 3, 3, 2, 4, 1]);
		const corr = channelCorrelation([{ channels: 2, data }]);
		expect(corr[0]).toBe(1);
		expect(corr[3]).toBe(1);
		expect(corr[1]).toBeCloseTo(-1, 6);
		expect(corr[2]).toBeCloseTo(corr[1] as number, 6);
	});

	test('a channel that never varies correlates 0 with the others', () => {
		const data = new Float32Array([0, 1, 0, 2, 0, 5]);
		const corr = channelCorrelation([{ channels: 2, data }]);
		expect(corr[1]).toBe(0);
		expect(corr[0]).toBe(1);
	});

	test('pools the positions of every photo', () => {
		const a = { channels: 2, data: new Float32Array([1, 1, 2, 2]) };
		const b = { channels: 2, data: new Float32Array([3, 3, 4, 4]) };
		expect(channelCorrelation([a, b])[1]).toBeCloseTo(1, 6);
	});
});

describe('cluster order', () => {
	const groups = [0, 1, 2, 0, 1, 2, 1, 0, 2, 0, 1, 2];
	const corr = channelCorrelation(synthetic(groups));
	const n = groups.length;
	const order = clusterOrder(corr, n);

	test('is a permutation of the channels', () => {
		expect([...order].sort((a, b) => a - b)).toEqual(groups.map((_, i) => i));
	});

	test('puts each group of channels that fire together in one contiguous block', () => {
		const labels = order.map((k) => groups[k]);
		const runs = labels.filter((g, i) => i === 0 || g !== labels[i - 1]).length;
		expect(runs).toBe(3);
	});

	test('raises the correlation between neighbours', () => {
		const identity = groups.map((_, i) => i);
		expect(neighbourCorrelation(corr, n, order)).toBeGreaterThan(0.6);
		expect(neighbourCorrelation(corr, n, identity)).toBeLessThan(0.3);
	});
});

describe('the shuffled control', () => {
	const groups = [0, 1, 2, 0, 1, 2, 1, 0, 2, 0, 1, 2];
	const n = groups.length;
	const photos = synthetic(groups);
	const control = shuffleChannels(photos);
	const observations = photos.reduce((s, p) => s + p.data.length / n, 0);
	const channel = (ps: readonly Activations[], k: number) => ps.flatMap((p) => [...p.data].filter((_, i) => i % n === k));

	test('keeps every channel its own values and every photo its shape, in another order', () => {
		expect(control.map((p) => [p.channels, p.data.length])).toEqual(photos.map((p) => [p.channels, p.data.length]));
		for (let k = 0; k < n; k++) {
			const before = channel(photos, k);
			const after = channel(control, k);
			expect([...after].sort((a, b) => a - b)).toEqual([...before].sort((a, b) => a - b));
			expect(after).not.toEqual(before);
		}
	});

	test('is the same for the same seed and differs for another', () => {
		expect(shuffleChannels(photos)[0]?.data).toEqual(control[0]?.data);
		expect(shuffleChannels(photos, 2)[0]?.data).not.toEqual(control[0]?.data);
	});

	test('has no correlation beyond chance, so clustering finds no blocks where the real data has three', () => {
		const real = channelCorrelation(photos);
		const shuffled = channelCorrelation(control);
		// Under no correlation, r has a spread of about 1 / sqrt(observations).
		const chance = 4 / Math.sqrt(observations);
		for (let a = 0; a < n; a++)
			for (let b = a + 1; b < n; b++) expect(Math.abs(shuffled[a * n + b] as number)).toBeLessThan(chance);
		const realScore = neighbourCorrelation(real, n, clusterOrder(real, n));
		const controlScore = neighbourCorrelation(shuffled, n, clusterOrder(shuffled, n));
		expect(realScore).toBeGreaterThan(0.6);
		expect(controlScore).toBeLessThan(chance);
	});
});

describe('colours', () => {
	test('white at 0, red for +1, blue for -1, clamped beyond', () => {
		expect(correlationColour(0)).toEqual([255, 255, 255]);
		expect(correlationColour(1)).toEqual([178, 24, 43]);
		expect(correlationColour(-1)).toEqual([33, 102, 172]);
		expect(correlationColour(3)).toEqual(correlationColour(1));
	});

	test('pixels follow the order', () => {
		const corr = new Float32Array([1, -1, -1, 1]);
		const px = correlationPixels(corr, 2, [1, 0]);
		expect([...px.slice(0, 4)]).toEqual([178, 24, 43, 255]);
		expect([...px.slice(4, 8)]).toEqual([33, 102, 172, 255]);
	});
});
