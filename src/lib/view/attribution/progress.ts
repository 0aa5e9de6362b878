/**
 * Where a DeepDream run is, in the reader's terms: octave k of n, step s of S within it. The
 * octaves run are read from the steps in all (the engine skips octaves too small for the
 * network, so there may be fewer than asked for).
 */
export interface DreamPosition {
	readonly octave: number;
	readonly octaves: number;
	readonly step: number;
	readonly steps: number;
}

/** `done` of `total` steps, `steps` to an octave, as an octave and a step, both from 1. */
export function dreamProgress(done: number, total: number, steps: number): DreamPosition {
	const perOctave = Math.max(1, Math.round(steps));
	const octaves = Math.max(1, Math.round(total / perOctave));
	const clamped = Math.min(Math.max(0, done), octaves * perOctave);
	const octave = clamped === 0 ? 1 : Math.min(octaves, Math.ceil(clamped / perOctave));
	return { octave, octaves, step: clamped - (octave - 1) * perOctave, steps: perOctave };
}
