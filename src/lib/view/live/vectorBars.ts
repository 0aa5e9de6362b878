/**
 * A feature map that is 1×1 in space (pool5, the dropout after it, the classifiers, the softmax,
 * the auxiliary heads' fully connected layers) is one value per channel: it reads as bars of those
 * values, not as a grid of one-pixel pictures. Where the channels are the 1000 classes, each bar
 * is named by its class. DOM-free.
 */
import { percent as percentOf, type NumberLocale } from '../../core/format';
import { isModule, plan as makePlan, type Plan } from '../../core/plan';
import type { Tap } from './featureMaps';
import { shortValue } from './featureMaps';

export interface Bar {
	readonly index: number;
	/** The class name (its first synonym), or `channel 17`. */
	readonly label: string;
	/** The whole synset line, or the label. */
	readonly full: string;
	readonly value: number;
	/** The value as written beside its bar: `49.5%` for a probability, else 3 digits. */
	readonly text: string;
}

export interface VectorView {
	/** The channels are the classes (a classifier or its softmax). */
	readonly classes: boolean;
	readonly probabilities: boolean;
	/** The `k` highest, highest first. */
	readonly top: readonly Bar[];
	/** The scale of the bars: 0 to 1 for probabilities, else min(0, lowest) to the highest value. */
	readonly low: number;
	readonly high: number;
	readonly count: number;
	/** How many channels are above zero. */
	readonly positive: number;
}

/** Names of the softmax layers, and how many classes the network has (the classifier's outputs). */
function facts(p: Plan): { softmax: ReadonlySet<string>; classes: number } {
	const layers = [...p.rows.flatMap((r) => (isModule(r.block) ? [] : r.block)), ...p.aux.flatMap((a) => a.layers)];
	const softmax = new Set(layers.filter((l) => l.layer.op === 'softmax').map((l) => l.layer.name));
	const last = layers.filter((l) => l.layer.op === 'softmax').at(-1);
	return { softmax, classes: last?.output[2] ?? 0 };
}

const FACTS = facts(makePlan());

/** One value per channel: shown as bars rather than pictures. */
export const isVector = (t: Pick<Tap, 'height' | 'width'>): boolean => t.height === 1 && t.width === 1;

/** `49.5%`, `0.11%`, `<0.01%` */
export function percent(p: number, locale: NumberLocale = 'en'): string {
	if (p > 0 && p < 0.0001) return `<${percentOf(0.0001, 2, locale)}`;
	return percentOf(p, p >= 0.1 ? 1 : 2, locale);
}

/**
 * The `k` highest channels of a 1×1 map as labelled bars. `labels` names the classes (null when
 * the site has none: they are then `class 281`).
 */
export function vectorBars(t: Tap, labels: readonly string[] | null, k = 15): VectorView {
	const classes = t.channels === FACTS.classes;
	const probabilities = FACTS.softmax.has(t.layer);
	const order = Array.from({ length: t.channels }, (_, i) => i).sort((a, b) => (t.data[b] as number) - (t.data[a] as number));
	let low = 0;
	let positive = 0;
	for (const v of t.data) {
		if (v < low) low = v;
		if (v > 0) positive++;
	}
	const top = order.slice(0, k).map((index): Bar => {
		const value = t.data[index] as number;
		const full = classes ? (labels?.[index] ?? `class ${index}`) : `channel ${index}`;
		return { index, label: full.split(',')[0] as string, full, value, text: probabilities ? percent(value) : shortValue(value) };
	});
	const highest = order.length ? (t.data[order[0] as number] as number) : 0;
	// Probabilities on their own scale (a bar of 49.5% is half the track); other values from
	// min(0, lowest) to the highest.
	const [from, to] = probabilities ? [0, 1] : [low, Math.max(highest, low)];
	return { classes, probabilities, top, low: from, high: to, count: t.channels, positive };
}
