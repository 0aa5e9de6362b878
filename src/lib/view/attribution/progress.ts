/** Where a DeepDream run is, in the reader's terms: octave k of n, step s of S within it. */
export interface DreamPosition {
	readonly octave: number;
	readonly octaves: number;
	readonly step: number;
	readonly steps: number;
}

/** `done` of `total` steps (octaves x steps per octave) as an octave and a step, both from 1. */
export function dreamProgress(done: number, total: number, octaves: number, steps: number): DreamPosition {
	const perOctave = total > 0 && octaves > 0 ? Math.max(1, Math.round(total / octaves)) : Math.max(1, steps);
	const clamped = Math.min(Math.max(0, done), octaves * perOctave);
	const octave = clamped === 0 ? 1 : Math.min(octaves, Math.ceil(clamped / perOctave));
	const step = clamped - (octave - 1) * perOctave;
	return { octave, octaves, step, steps: perOctave };
}
