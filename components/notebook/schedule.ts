// The learning-rate schedule of section 6: multiplied by 0.96 every 8 epochs. DOM-free.
import { TRAINING } from './paper-results';

/** The learning rate at `epoch`, as a fraction of the initial one (which the paper does not give). */
export const relativeRate = (epoch: number, factor: number = TRAINING.lrFactor, every: number = TRAINING.lrEvery): number =>
	factor ** Math.floor(epoch / every);

/** How many decreases have happened by `epoch`. */
export const decreases = (epoch: number, every: number = TRAINING.lrEvery): number => Math.floor(epoch / every);

/**
 * The epoch at which the stepped rate first falls to half or below: a whole number of steps
 * (0.96^17 = 0.499 at epoch 136), the point the step chart draws. The smooth rate 0.96^(e/8)
 * would halve at 135.8, a figure no schedule reaches; the site writes the step's.
 */
export const epochsToHalve = (factor: number = TRAINING.lrFactor, every: number = TRAINING.lrEvery): number =>
	every * Math.ceil(Math.log(0.5) / Math.log(factor));
