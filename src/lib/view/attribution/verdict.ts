/**
 * What the randomization check (Adebayo et al., 2018) tells the reader, from the two maps and
 * their Spearman rank correlation: a number below the threshold means the map changed with the
 * weights, as it must; a flat map (every pixel the same, e.g. a Grad-CAM whose positive part is
 * empty) ranks nothing, so no correlation is stated for it. The sentences are the notebook's own.
 */
import { fixed } from '../../core/format';
import type { Heatmap } from '../../engine/gradients/attribution';
import { english, type Translate } from './words';

/** The check's own threshold for "the map stayed put" (the notebook's choice, not Adebayo et al.'s). */
export const UNCHANGED = 0.9;

export interface Verdict {
	/** The rank correlation shown, or null when one map is flat. */
	readonly rho: number | null;
	readonly changed: boolean;
	readonly text: string;
}

const isFlat = (m: Heatmap) => m.values.every((v) => v === m.values[0]);

export function verdict(original: Heatmap, randomized: Heatmap, rho: number, t: Translate = english): Verdict {
	const flatBefore = isFlat(original);
	const flatAfter = isFlat(randomized);
	if (flatBefore && flatAfter) return { rho: null, changed: false, text: t('dream.verdict.bothFlat') };
	if (flatAfter) return { rho: null, changed: true, text: t('dream.verdict.emptyAfter') };
	if (flatBefore) return { rho: null, changed: true, text: t('dream.verdict.emptyBefore') };
	return rho < UNCHANGED
		? { rho, changed: true, text: t('dream.verdict.changed', { rho: fixed(rho, 2) }) }
		: { rho, changed: false, text: t('dream.verdict.unchanged', { rho: fixed(rho, 2), threshold: fixed(UNCHANGED, 1) }) };
}
