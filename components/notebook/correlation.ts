// The Hebbian picture in numbers: how strongly a layer's channels fire together over a set of
// photos, and an order of the channels that puts those that fire together side by side.
// DOM-free; the chapter's ChannelCorrelation widget draws what this computes.

/** One photo's activations at one layer: [h, w, c], row-major, as the engine's taps. */
export interface Activations {
	readonly channels: number;
	readonly data: Float32Array;
}

/**
 * Pearson correlation between every pair of channels, each channel's observations being its
 * value at every position of every photo. Returns c x c, row-major; a channel that never varies
 * (a dead ReLU) correlates 0 with every other and 1 with itself.
 */
export function channelCorrelation(photos: readonly Activations[]): Float32Array {
	const c = photos[0]?.channels ?? 0;
	const mean = new Float64Array(c);
	let count = 0;
	for (const p of photos) {
		if (p.channels !== c) throw new Error('every photo must have the same channels');
		for (let i = 0; i < p.data.length; i += c) for (let k = 0; k < c; k++) mean[k] = (mean[k] as number) + (p.data[i + k] as number);
		count += p.data.length / c;
	}
	for (let k = 0; k < c; k++) mean[k] = (mean[k] as number) / Math.max(count, 1);
	const cov = new Float64Array(c * c);
	const row = new Float64Array(c);
	for (const p of photos)
		for (let i = 0; i < p.data.length; i += c) {
			for (let k = 0; k < c; k++) row[k] = (p.data[i + k] as number) - (mean[k] as number);
			for (let a = 0; a < c; a++) {
				const va = row[a] as number;
				if (va === 0) continue;
				const base = a * c;
				for (let b = a; b < c; b++) cov[base + b] = (cov[base + b] as number) + va * (row[b] as number);
			}
		}
	const out = new Float32Array(c * c);
	for (let a = 0; a < c; a++) {
		out[a * c + a] = 1;
		for (let b = a + 1; b < c; b++) {
			const d = Math.sqrt((cov[a * c + a] as number) * (cov[b * c + b] as number));
			const r = d > 0 ? (cov[a * c + b] as number) / d : 0;
			out[a * c + b] = r;
			out[b * c + a] = r;
		}
	}
	return out;
}

/**
 * Average-linkage clustering of the channels (distance 1 - r), read off as the order of the
 * dendrogram's leaves: channels in one cluster come out next to each other, so the reordered
 * matrix shows its clusters as blocks along the diagonal.
 */
export function clusterOrder(corr: Float32Array, n: number): number[] {
	const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
	// Summed distances between live clusters; average = sum / (|A| |B|).
	const sum = new Float64Array(n * n);
	for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) sum[a * n + b] = 1 - (corr[a * n + b] as number);
	for (let left = n; left > 1; left--) {
		let best = Infinity;
		let ba = -1;
		let bb = -1;
		for (let a = 0; a < n; a++) {
			const ma = members[a];
			if (!ma) continue;
			for (let b = a + 1; b < n; b++) {
				const mb = members[b];
				if (!mb) continue;
				const d = (sum[a * n + b] as number) / (ma.length * mb.length);
				if (d < best) [best, ba, bb] = [d, a, b];
			}
		}
		const ma = members[ba] as number[];
		const mb = members[bb] as number[];
		members[ba] = ma.concat(mb);
		members[bb] = null;
		for (let k = 0; k < n; k++) {
			const s = (sum[ba * n + k] as number) + (sum[bb * n + k] as number);
			sum[ba * n + k] = s;
			sum[k * n + ba] = s;
		}
	}
	return members.find((m) => m !== null) ?? [];
}

/**
 * The shuffled control: every channel's observations (its values at every position of every
 * photo) put in a random order of their own, seeded. Each channel keeps exactly its values, so
 * its mean and spread are unchanged, but no two channels fire together any more beyond chance:
 * what clustering then finds in their correlation matrix is what it finds in noise.
 */
export function shuffleChannels(photos: readonly Activations[], seed = 1): Activations[] {
	const c = photos[0]?.channels ?? 0;
	const total = photos.reduce((sum, p) => sum + p.data.length / c, 0);
	const out = photos.map((p) => ({ channels: c, data: new Float32Array(p.data.length) }));
	const column = new Float32Array(total);
	let state = seed >>> 0 || 1;
	// xorshift32: fast, seeded, plenty for a shuffle.
	const next = () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
	for (let k = 0; k < c; k++) {
		let n = 0;
		for (const p of photos) for (let i = k; i < p.data.length; i += c) column[n++] = p.data[i] as number;
		for (let i = total - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			const t = column[i] as number;
			column[i] = column[j] as number;
			column[j] = t;
		}
		n = 0;
		for (const o of out) for (let i = k; i < o.data.length; i += c) o.data[i] = column[n++] as number;
	}
	return out;
}

/** Mean correlation of channels that sit next to each other in `order`. */
export function neighbourCorrelation(corr: Float32Array, n: number, order: readonly number[]): number {
	let total = 0;
	for (let i = 1; i < order.length; i++) total += corr[(order[i - 1] as number) * n + (order[i] as number)] as number;
	return order.length > 1 ? total / (order.length - 1) : 0;
}

/** r in [-1, 1] as a colour: blue for -1, white for 0, red for +1. */
export function correlationColour(r: number): [number, number, number] {
	const t = Math.max(-1, Math.min(1, r));
	const fade = (full: number) => Math.round(255 + (full - 255) * Math.abs(t));
	return t >= 0 ? [fade(178), fade(24), fade(43)] : [fade(33), fade(102), fade(172)];
}

/** The matrix in `order` as RGBA pixels, n x n. */
export function correlationPixels(corr: Float32Array, n: number, order: readonly number[]): Uint8ClampedArray {
	const px = new Uint8ClampedArray(n * n * 4);
	for (let y = 0; y < n; y++)
		for (let x = 0; x < n; x++) {
			const [r, g, b] = correlationColour(corr[(order[y] as number) * n + (order[x] as number)] as number);
			px.set([r, g, b, 255], (y * n + x) * 4);
		}
	return px;
}
