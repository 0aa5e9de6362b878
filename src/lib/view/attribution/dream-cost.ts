/**
 * What a DeepDream run costs, in a unit a reader can compare: gradient steps on a 224×224
 * picture (a step's work grows with the picture's pixels), from the octave sizes the engine will
 * use; and, once a run has been timed here, the time the next one should take at that speed.
 */
import { CROP_SIZE } from '../../core/crops';

/** The page's default longest side: the engine's 448 (the original's) is ~4× the work and too slow on a 2-core machine's WASM. */
export const PAGE_DREAM_SIDE = 224;

type Sizes = readonly (readonly [number, number])[];

/** Work of the first `done` steps (all when omitted), in 224×224 steps. */
export function dreamWork(sizes: Sizes, stepsPerOctave: number, done = Infinity): number {
	let work = 0;
	let left = done;
	for (const [h, w] of sizes) {
		const n = Math.min(stepsPerOctave, Math.max(0, left));
		work += (n * h * w) / (CROP_SIZE * CROP_SIZE);
		left -= n;
	}
	return work;
}

/** Milliseconds per 224×224 step, from two progress readings of one run (null when they say nothing). */
export function msPerStep(sizes: Sizes, stepsPerOctave: number, from: { done: number; at: number }, to: { done: number; at: number }): number | null {
	const work = dreamWork(sizes, stepsPerOctave, to.done) - dreamWork(sizes, stepsPerOctave, from.done);
	const ms = to.at - from.at;
	return work > 0 && ms > 0 ? ms / work : null;
}
