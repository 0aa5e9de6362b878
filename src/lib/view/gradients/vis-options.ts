/**
 * The few switches the feature-visualization widget offers, and the engine's settings they make:
 * everything not switched here stays at the engine's defaults (DEFAULT_FEATURE_VIS).
 */
import { DEFAULT_FEATURE_VIS, type FeatureVisSettings } from '$lib/engine/gradients/feature-vis';

export interface VisOptions {
	readonly steps: number;
	readonly size: number;
	/** Transformation robustness: jitter, scaling and rotation between steps. */
	readonly robust: boolean;
	/** Colours in a decorrelated space. */
	readonly decorrelate: boolean;
	/** The picture parameterised by its Fourier coefficients (scaled by frequency). */
	readonly fourier: boolean;
	/** 1: what excites the channel most; -1: what suppresses it most. */
	readonly sign: 1 | -1;
	/** A small set of pictures pushed apart from each other (costs one pass per picture). */
	readonly diverse: boolean;
}

export const STEP_CHOICES = [16, 64, 128, 256, 512] as const;
export const SIZE_CHOICES = [64, 96, 128, 160] as const;
/** Pictures in the diverse set. */
export const DIVERSE_BATCH = 4;
/** Weight of the diversity term where the engine's default has none (lucid's example weighs it 100). */
export const DIVERSITY = 100;

export const DEFAULT_OPTIONS: VisOptions = {
	steps: DEFAULT_FEATURE_VIS.steps,
	size: DEFAULT_FEATURE_VIS.size,
	robust: DEFAULT_FEATURE_VIS.jitter > 0 || DEFAULT_FEATURE_VIS.rotateDegrees > 0,
	decorrelate: DEFAULT_FEATURE_VIS.decorrelate,
	fourier: DEFAULT_FEATURE_VIS.fourier,
	sign: 1,
	diverse: false
};

export function visSettings(o: VisOptions): FeatureVisSettings {
	const d = DEFAULT_FEATURE_VIS;
	return {
		...d,
		steps: o.steps,
		size: o.size,
		jitter: o.robust ? d.jitter : 0,
		scales: o.robust ? d.scales : [1],
		rotateDegrees: o.robust ? d.rotateDegrees : 0,
		decorrelate: o.decorrelate,
		fourier: o.fourier,
		sign: o.sign,
		batch: o.diverse ? DIVERSE_BATCH : 1,
		diversity: o.diverse ? (d.diversity > 0 ? d.diversity : DIVERSITY) : 0
	};
}
