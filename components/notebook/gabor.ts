// Gabor filters as Serre, Wolf and Poggio's model uses them in its first layer (S1): fixed, at
// several sizes and orientations, each zero-mean and unit-norm. The paper's related work
// contrasts them with Inception, whose filters are all learned. DOM-free.

export interface GaborParams {
	/** Side of the square filter in pixels (odd). */
	readonly size: number;
	/** Orientation in radians (0 = vertical stripes). */
	readonly theta: number;
	/** Wavelength of the cosine, in pixels. */
	readonly wavelength: number;
	/** Width of the Gaussian envelope, in pixels. */
	readonly sigma: number;
	/** Aspect ratio of the envelope. */
	readonly gamma: number;
	/** Phase: 0 for an even (cosine, "bar") filter, pi/2 for an odd (sine, "edge") one. */
	readonly phase: number;
}

/**
 * Serre's S1 parameters for a filter size: sigma = 0.0036 s^2 + 0.35 s + 0.18, wavelength =
 * sigma / 0.8, gamma = 0.3 (Serre and Riesenhuber 2004; Serre et al. 2007).
 */
export function serreParams(size: number, theta: number, phase = 0): GaborParams {
	const sigma = 0.0036 * size * size + 0.35 * size + 0.18;
	return { size, theta, wavelength: sigma / 0.8, sigma, gamma: 0.3, phase };
}

/** The filter's weights, row by row (size x size), zero-mean and unit L2 norm. */
export function gaborKernel(p: GaborParams): Float32Array {
	const { size, theta, wavelength, sigma, gamma, phase } = p;
	const half = (size - 1) / 2;
	const out = new Float32Array(size * size);
	const cos = Math.cos(theta);
	const sin = Math.sin(theta);
	for (let row = 0; row < size; row++) {
		for (let col = 0; col < size; col++) {
			const x = col - half;
			const y = row - half;
			const u = x * cos + y * sin;
			const v = -x * sin + y * cos;
			const envelope = Math.exp(-(u * u + gamma * gamma * v * v) / (2 * sigma * sigma));
			out[row * size + col] = envelope * Math.cos((2 * Math.PI * u) / wavelength + phase);
		}
	}
	const mean = out.reduce((a, b) => a + b, 0) / out.length;
	let norm = 0;
	for (let i = 0; i < out.length; i++) {
		out[i] -= mean;
		norm += out[i] * out[i];
	}
	norm = Math.sqrt(norm) || 1;
	for (let i = 0; i < out.length; i++) out[i] /= norm;
	return out;
}

/** n orientations evenly spread over a half turn. */
export const orientations = (n: number): number[] => Array.from({ length: n }, (_, i) => (i * Math.PI) / n);

/** Grey levels (0..255) for drawing: 128 is zero, the largest magnitude maps to 0 or 255. */
export function toGrey(kernel: Float32Array): Uint8ClampedArray {
	const max = kernel.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
	return Uint8ClampedArray.from(kernel, (v) => 128 + (127 * v) / max);
}
