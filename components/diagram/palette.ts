// Colours shared by the diagram and the charts, so a branch or a variant reads the same everywhere.
import { interpolateRgb } from 'd3';
import type { BranchName } from '$lib/core/inception';

export const BRANCH_COLOURS: Readonly<Record<BranchName, string>> = {
	'1x1': '#3f78b5',
	'3x3': '#23917f',
	'5x5': '#b8741a',
	pool: '#8a63b8'
};

export const VARIANT_COLOURS = { reduced: '#1f4e79', naive: '#c2570c' } as const;

export const RIBBON = { main: '#8ba6c2', aux: '#a99cc6' } as const;

const shadeRamp = interpolateRgb('#ffffff', '#c4d9ee');

/** A node's fill for its share (0..1) of the costliest node: square-root, so small costs still show. */
export const shadeFill = (share: number): string => shadeRamp(Math.sqrt(Math.max(0, Math.min(1, share))));
