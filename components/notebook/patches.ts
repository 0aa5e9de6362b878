// Training patches as section 6 describes them: between 8% and 100% of the image's area, with
// an aspect ratio between 3/4 and 4/3. Both are drawn uniformly (the paper says no more); a draw
// that does not fit the image is redrawn. DOM-free.
import type { Box } from '$lib/core/crops';
import { TRAINING } from './paper-results';

export interface Patch extends Box {
	/** Fraction of the image's area. */
	readonly area: number;
	/** Width / height. */
	readonly aspect: number;
	/** True when no draw fitted and the patch fell back to the largest centred one. */
	readonly fallback: boolean;
}

export function samplePatch(
	width: number,
	height: number,
	random: () => number,
	area: readonly [number, number] = TRAINING.patchArea,
	aspect: readonly [number, number] = TRAINING.patchAspect,
	attempts = 20
): Patch {
	const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * random();
	for (let i = 0; i < attempts; i++) {
		const a = between(area);
		const r = between(aspect);
		const w = Math.round(Math.sqrt(a * width * height * r));
		const h = Math.round(Math.sqrt((a * width * height) / r));
		if (w > width || h > height || w < 1 || h < 1) continue;
		// Rounding to whole pixels must not push the patch out of bounds.
		const fraction = (w * h) / (width * height);
		if (fraction < area[0] || fraction > area[1] || w / h < aspect[0] || w / h > aspect[1]) continue;
		const x = Math.floor(random() * (width - w + 1));
		const y = Math.floor(random() * (height - h + 1));
		return { x, y, width: w, height: h, area: fraction, aspect: w / h, fallback: false };
	}
	// The largest patch with an allowed aspect ratio, centred.
	const r = Math.min(Math.max(width / height, aspect[0]), aspect[1]);
	const w = Math.min(width, Math.round(height * r));
	const h = Math.min(height, Math.round(w / r));
	const x = Math.floor((width - w) / 2);
	const y = Math.floor((height - h) / 2);
	return { x, y, width: w, height: h, area: (w * h) / (width * height), aspect: w / h, fallback: true };
}
