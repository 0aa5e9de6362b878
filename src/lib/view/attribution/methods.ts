/**
 * The two attribution methods as the widgets name them, each with its caveat in one line. The
 * sentences are the notebook's own (the paper has no attribution maps); the map sizes are read
 * from the plan.
 */
import { CROP_SIZE } from '../../core/crops';
import { LIVE_TAPS } from '../live/query';

export type Method = 'gradcam' | 'saliency';

export const METHOD_NAMES: Readonly<Record<Method, string>> = {
	gradcam: 'Grad-CAM',
	saliency: 'Gradient saliency'
};

/** `tabby, tabby cat` -> `tabby`, as the live page's top 5 shows a class. */
export const shortLabel = (label: string): string => label.split(',')[0]?.trim() || label;

/** What the method computes and what to keep in mind, in one line. */
export function caveat(method: Method, tap: string): string {
	if (method === 'saliency')
		return `Gradient saliency (gradient × input, Shrikumar et al., 2016): |∂ class score / ∂ pixel × pixel|, the pixel taken from the mean image, summed over the three colours, at ${CROP_SIZE}×${CROP_SIZE}; it follows the photo's own edges too. Noisy, and it shows sensitivity (what would change the score), not importance.`;
	const shape = LIVE_TAPS.get(tap);
	const grid = shape ? `${shape[0]}×${shape[1]}` : 'its own size';
	return `Grad-CAM (Selvaraju et al., 2017): ${tap}'s channels weighted by the class score's mean gradient over each, positive part only. Coarse: ${grid} for this layer, upsampled to the photo.`;
}
