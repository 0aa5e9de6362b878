/**
 * The layers the DeepDream and attribution widgets offer, read from the plan's feature maps
 * (never a typed list), and the one-line refusal for a name the network does not have.
 */
import { LIVE_TAPS, tapTitle } from '../live/query';
import { english, type Translate } from './words';

/** The original DeepDream's layer (Mordvintsev et al., 2015, on this BVLC GoogLeNet). */
export const DEFAULT_DREAM_LAYER = 'inception_4c/output';
/** Grad-CAM's usual choice for GoogLeNet: the last convolutional layer, 7x7. */
export const DEFAULT_CAM_LAYER = 'inception_5b/output';

const mainPath = (name: string) => !name.startsWith('loss') && name !== 'prob';
const spatial = (name: string) => {
	const shape = LIVE_TAPS.get(name);
	return shape !== undefined && shape[0] > 1;
};
/** A module's output, or a layer of the stem (conv, pool, norm). */
const stage = (name: string) => name.endsWith('/output') || !name.startsWith('inception_');

/** Every layer worth dreaming on: the stem's convolutions and every module's output, in order. */
export const DREAM_LAYERS: readonly string[] = [...LIVE_TAPS.keys()].filter(
	(n) => mainPath(n) && spatial(n) && stage(n) && !n.startsWith('pool') && !n.includes('norm')
);

/** Grad-CAM's candidates: the module outputs of stages 4 and 5 (14x14 and 7x7). */
export const CAM_LAYERS: readonly string[] = [...LIVE_TAPS.keys()].filter(
	(n) => /^inception_[45][a-e]\/output$/.test(n)
);

/**
 * Where the cascading randomization of Adebayo et al. (2018) can stop, from the top down: the
 * classifier alone, then each module below it in turn (a module and everything above it is
 * re-drawn). The value is what the engine's randomizedWeights takes: a layer or a module.
 */
export const RANDOMIZE_FROM: readonly { readonly value: string }[] = [
	{ value: 'loss3/classifier' },
	...[...LIVE_TAPS.keys()]
		.filter((n) => /^inception_[45][a-e]\/1x1$/.test(n))
		.reverse()
		.map((n) => ({ value: n.split('/')[0] as string }))
];

/** A randomization choice in words: `the classifier (loss3/classifier)`, `down to inception (5b)`. */
export const randomizeLabel = (value: string, t: Translate = english): string =>
	value === 'loss3/classifier' ? t('dream.check.classifier') : t('dream.check.downTo', { group: layerGroup(`${value}/output`, t) });

/** The module of a layer name in words (`inception (4c)` for `inception_4c/output`); a stem layer's own name (`conv2`). */
export function layerGroup(name: string, t: Translate = english): string {
	const module = /^inception_(\w+)\//.exec(name);
	return module ? t('dream.module', { id: module[1] as string }) : tapTitle(name).group;
}

/** Null when `name` is one of `choices`, else one line saying what is wrong and what will be used. */
export function layerProblem(name: string, choices: readonly string[], fallback: string, t: Translate = english): string | null {
	if (choices.includes(name)) return null;
	if (LIVE_TAPS.has(name)) return t('dream.layer.notOffered', { name, n: choices.length, fallback });
	return t('dream.layer.unknown', { name, fallback });
}
