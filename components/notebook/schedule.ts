// The learning-rate schedule of section 6: multiplied by 0.96 every 8 epochs. DOM-free.
import { TRAINING } from './paper-results';

/** The learning rate at `epoch`, as a fraction of the initial one (which the paper does not give). */
export const relativeRate = (epoch: number, factor: number = TRAINING.lrFactor, every: number = TRAINING.lrEvery): number =>
	factor ** Math.floor(epoch / every);

/** How many decreases have happened by `epoch`. */
export const decreases = (epoch: number, every: number = TRAINING.lrEvery): number => Math.floor(epoch / every);

/** Epochs until the rate has halved (not a whole number of steps in general). */
export const epochsToHalve = (factor: number = TRAINING.lrFactor, every: number = TRAINING.lrEvery): number =>
	(every * Math.log(0.5)) / Math.log(factor);
