/**
 * The two attribution methods as the widgets name them, each with its caveat in one line. The
 * sentences are the notebook's own (the paper has no attribution maps); the map sizes are read
 * from the plan.
 */
import { CROP_SIZE } from '../../core/crops';
import { LIVE_TAPS } from '../live/query';
import { imagenetName } from '../../i18n/imagenet';
import type { Locale } from '../../i18n/locale';
import { english, type Translate } from './words';

export type Method = 'gradcam' | 'saliency';

/** `Grad-CAM`, `Gradient saliency`. */
export const methodName = (method: Method, t: Translate = english): string => t(method === 'gradcam' ? 'dream.attr.gradcam' : 'dream.attr.saliency');

/** `tabby, tabby cat` -> `tabby`, as the live page's top 5 shows a class. */
export const shortLabel = (label: string): string => label.split(',')[0]?.trim() || label;

/** A class as the widgets label it, in the reader's edition: `tabby` / `얼룩고양이`. */
export const classLabel = (c: { readonly index: number; readonly label: string }, locale: Locale = 'en'): string => shortLabel(imagenetName(c.index, c.label, locale));

/** What the method computes and what to keep in mind, in one line. */
export function caveat(method: Method, tap: string, t: Translate = english): string {
	if (method === 'saliency') return t('dream.attr.caveat.saliency', { size: CROP_SIZE });
	const shape = LIVE_TAPS.get(tap);
	const grid = shape ? `${shape[0]}×${shape[1]}` : t('dream.attr.ownSize');
	return t('dream.attr.caveat.gradcam', { tap, grid });
}
