/**
 * A heat map drawn over the photo it explains: the map (any size, values in [0, 1]) resampled
 * bilinearly to the photo's size (Grad-CAM's 7x7 becomes smooth blobs, as in Selvaraju et al.),
 * coloured with one ramp, and blended over the photo in proportion to its value, so that where
 * the map is near zero the photo shows as it is. Plain arrays: runs in Node for the tests.
 */
import { interpolateInferno } from 'd3';
import type { RgbaImage } from '../../engine/gradients/image';
import type { Heatmap } from '../../engine/gradients/attribution';

/** The ramp as 256 RGB triplets (inferno: dark purple through orange to pale yellow). */
const RAMP: Uint8ClampedArray = (() => {
	const ramp = new Uint8ClampedArray(256 * 3);
	for (let i = 0; i < 256; i++) {
		const hex = interpolateInferno(i / 255);
		const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
		const rgb = m ? [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16)) : (hex.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
		ramp.set(rgb.slice(0, 3), i * 3);
	}
	return ramp;
})();

/** The colour of value `v` in [0, 1] as [r, g, b]. */
export function rampColour(v: number): [number, number, number] {
	const i = Math.round(Math.min(1, Math.max(0, v)) * 255) * 3;
	return [RAMP[i] as number, RAMP[i + 1] as number, RAMP[i + 2] as number];
}

/** The map's value at the centre of output pixel (x, y) of a `width` x `height` picture (half-pixel centres, edges clamped). */
function sampler(map: Heatmap, width: number, height: number): (x: number, y: number) => number {
	const sx = map.width / width;
	const sy = map.height / height;
	const at = (i: number, j: number) => map.values[j * map.width + i] as number;
	return (x, y) => {
		const u = Math.min(map.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
		const v = Math.min(map.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
		const i0 = Math.floor(u);
		const j0 = Math.floor(v);
		const i1 = Math.min(map.width - 1, i0 + 1);
		const j1 = Math.min(map.height - 1, j0 + 1);
		const fu = u - i0;
		const fv = v - j0;
		const top = at(i0, j0) * (1 - fu) + at(i1, j0) * fu;
		const bottom = at(i0, j1) * (1 - fu) + at(i1, j1) * fu;
		return top * (1 - fv) + bottom * fv;
	};
}

/** `map` resampled to `width` x `height`. */
export function upsample(map: Heatmap, width: number, height: number): Heatmap {
	if (map.width === width && map.height === height) return map;
	const value = sampler(map, width, height);
	const values = new Float32Array(width * height);
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) values[y * width + x] = value(x, y);
	return { width, height, values };
}

/**
 * The photo with the map over it: each pixel mixes the photo with the ramp's colour by
 * `opacity` x the map's value there (a zero leaves the photo untouched).
 */
export function overlay(photo: RgbaImage, map: Heatmap, opacity = 0.7): RgbaImage {
	if (map.width < 1 || map.height < 1 || map.values.length !== map.width * map.height)
		throw new RangeError(`not a heat map: ${map.width}x${map.height} with ${map.values.length} values`);
	const { width, height } = photo;
	const full = upsample(map, width, height);
	const data = new Uint8ClampedArray(width * height * 4);
	for (let p = 0; p < width * height; p++) {
		const v = Math.min(1, Math.max(0, full.values[p] as number));
		const a = opacity * v;
		const [r, g, b] = rampColour(v);
		const o = p * 4;
		data[o] = (photo.data[o] as number) * (1 - a) + r * a;
		data[o + 1] = (photo.data[o + 1] as number) * (1 - a) + g * a;
		data[o + 2] = (photo.data[o + 2] as number) * (1 - a) + b * a;
		data[o + 3] = 255;
	}
	return { width, height, data };
}
