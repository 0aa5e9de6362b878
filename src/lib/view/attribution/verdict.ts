/**
 * What the randomization check (Adebayo et al., 2018) tells the reader, from the two maps and
 * their Spearman rank correlation: a number below the threshold means the map changed with the
 * weights, as it must; a flat map (every pixel the same, e.g. a Grad-CAM whose positive part is
 * empty) ranks nothing, so no correlation is stated for it. The sentences are the notebook's own.
 */
import { fixed } from '../../core/format';
import type { Heatmap } from '../../engine/gradients/attribution';

/** The check's own threshold for "the map stayed put" (the notebook's choice, not Adebayo et al.'s). */
export const UNCHANGED = 0.9;

export interface Verdict {
	/** The rank correlation shown, or null when one map is flat. */
	readonly rho: number | null;
	readonly changed: boolean;
	readonly text: string;
}

const isFlat = (m: Heatmap) => m.values.every((v) => v === m.values[0]);

export function verdict(original: Heatmap, randomized: Heatmap, rho: number): Verdict {
	const flatBefore = isFlat(original);
	const flatAfter = isFlat(randomized);
	if (flatBefore && flatAfter) return { rho: null, changed: false, text: 'Both maps are flat (every pixel the same): there is nothing to compare.' };
	if (flatAfter)
		return {
			rho: null,
			changed: true,
			text: 'With random weights the map is empty: no part of the crop raises this class’s score any more. It changed completely (a flat map ranks nothing, so no rank correlation).'
		};
	if (flatBefore)
		return { rho: null, changed: true, text: 'The trained map is empty and the randomized one is not: the map changed (a flat map ranks nothing, so no rank correlation).' };
	const stated = `Spearman rank correlation between the two maps: ${fixed(rho, 2)} (1 would be the same ranking of pixels).`;
	return rho < UNCHANGED
		? { rho, changed: true, text: `${stated} The map changed: it depends on the trained weights, as it must.` }
		: { rho, changed: false, text: `${stated} The map barely changed (at or above ${fixed(UNCHANGED, 1)}): here it shows the photo more than the network.` };
}
