// Plot options for the architecture page's three charts. Each builder gets its numbers as
// arguments (already tweened by TweenedPlot) and returns options; nothing here reads state.
import * as Plot from '@observablehq/plot';
import { NUMBER_STYLE, ops, params, percent, significant, type Kilo } from '$lib/core/format';
import type { Locale } from '$lib/i18n/locale';
import { translate } from '$lib/i18n/translate';
import { BRANCH_NAMES } from '$lib/core/inception';
import { BRANCH_COLOURS, VARIANT_COLOURS } from '$components/diagram/palette';

const INK = '#1b1f24';
const GREY = '#98a2ae';
const SUFFIXES = ['', 'K', 'M', 'G', 'T'];

/**
 * The power of 1000 that suits an ops axis whose largest value is `max`, so that the ticks fall on
 * round numbers of that unit (0, 0.5G, 1G…). Ops count in powers of 1000 whatever the reader's K
 * for params (see $lib/core/format).
 */
export function axisUnit(max: number): { readonly div: number; readonly suffix: string } {
	let div = 1;
	let i = 0;
	while (max / div >= 1000 && i < SUFFIXES.length - 1) {
		div *= 1000;
		i += 1;
	}
	return { div, suffix: SUFFIXES[i] };
}
export const macsPerRowHeight = (rows: number) => 40 + rows * 21;
export const RUNNING_TOTALS_HEIGHT = 190;
export const branchShareHeight = (modules: number) => 36 + modules * 22;

const tickText = (suffix: string) => (d: number) => (d === 0 ? '0' : `${significant(d)}${suffix}`);

/**
 * Multiply-adds per Table 1 row: the naive network (wide, pale), the reduced one (narrow, solid)
 * and the network as set now (a black tick). `values` = reduced…, naive…, current…
 */
export function macsPerRow(labels: readonly string[], values: readonly number[], width: number, unit: string, locale: Locale = 'en'): Plot.PlotOptions {
	const n = labels.length;
	const { div, suffix } = axisUnit(Math.max(...values));
	const data = labels.map((label, i) => ({
		label,
		reduced: values[i] / div,
		naive: values[n + i] / div,
		current: values[2 * n + i] / div
	}));
	return {
		height: macsPerRowHeight(n),
		marginLeft: 44,
		marginRight: 14,
		x: { label: translate(locale, 'w.arch.axis.ops', { unit }), labelAnchor: 'right', tickFormat: tickText(suffix), grid: true, ticks: Math.max(2, Math.floor(width / 90)) },
		y: { domain: labels as string[], label: null, padding: 0.12 },
		marks: [
			Plot.barX(data, { y: 'label', x: 'naive', fill: VARIANT_COLOURS.naive, fillOpacity: 0.28 }),
			Plot.barX(data, { y: 'label', x: 'reduced', fill: VARIANT_COLOURS.reduced, insetTop: 5, insetBottom: 5 }),
			Plot.tickX(data, { y: 'label', x: 'current', stroke: INK, strokeWidth: 2 }),
			Plot.ruleX([0], { stroke: INK })
		]
	};
}

/**
 * Running totals through depth, params and multiply-adds on one axis as multiples of the paper's
 * own totals: the paper's network (dashed) ends at 1× for both; the network as set now (solid)
 * ends wherever the switches took it, labelled with its absolute total.
 * `values` = params now…, ops now…, params paper…, ops paper… (one per label each).
 */
export function runningTotals(
	labels: readonly string[],
	values: readonly number[],
	width: number,
	kilo: Kilo,
	opsUnit: string,
	locale: Locale = 'en'
): Plot.PlotOptions {
	const n = labels.length;
	const series = [
		{ key: 'params', now: values.slice(0, n), paper: values.slice(2 * n, 3 * n), colour: VARIANT_COLOURS.reduced, text: (v: number) => translate(locale, 'w.arch.end.params', { n: params(v, kilo) }) },
		{ key: 'ops', now: values.slice(n, 2 * n), paper: values.slice(3 * n, 4 * n), colour: VARIANT_COLOURS.naive, text: (v: number) => translate(locale, 'w.arch.end.ops', { n: ops(v), unit: opsUnit }) }
	];
	const points = series.flatMap((s) => {
		const total = s.paper[n - 1] || 1;
		return labels.map((label, i) => ({ i, label, key: s.key, now: s.now[i] / total, paper: s.paper[i] / total }));
	});
	const ends = series.map((s) => ({
		key: s.key,
		i: n - 1,
		now: s.now[n - 1] / (s.paper[n - 1] || 1),
		text: s.text(s.now[n - 1])
	}));
	const wanted = ['conv1', '3a', '4a', '4e', '5b', 'linear'];
	const ticks = labels.flatMap((l, i) => (wanted.includes(l) && (width > 380 || i % 2 === 0 || l === '4a') ? [i] : []));
	const top = Math.max(1, ...ends.map((e) => e.now));
	const above = ends[0].now >= ends[1].now;
	const close = Math.abs(ends[0].now - ends[1].now) * (140 / top) < 13;
	if (close && !above) ends.reverse();
	return {
		height: RUNNING_TOTALS_HEIGHT,
		marginLeft: 40,
		marginRight: 112,
		marginTop: 18,
		x: { domain: [0, n - 1], ticks, tickFormat: (i: number) => labels[i], label: null },
		y: { domain: [0, top], nice: true, grid: true, ticks: 4, tickFormat: (d: number) => NUMBER_STYLE[locale].times(significant(d)), label: translate(locale, 'w.arch.axis.paper') },
		color: { domain: series.map((s) => s.key), range: series.map((s) => s.colour) },
		marks: [
			Plot.ruleY([1], { stroke: GREY, strokeDasharray: '2,3' }),
			Plot.lineY(points, { x: 'i', y: 'paper', z: 'key', stroke: GREY, strokeWidth: 1.5, strokeDasharray: '4,3' }),
			Plot.lineY(points, { x: 'i', y: 'now', z: 'key', stroke: 'key', strokeWidth: 2 }),
			Plot.dot(ends, { x: 'i', y: 'now', fill: 'key', r: 3 }),
			// Two end labels; pulled apart when they would sit on each other.
			...ends.map((e, k) =>
				Plot.text([e], { x: 'i', y: 'now', text: 'text', fill: 'key', dx: 6, dy: close ? (k === 0 ? -7 : 7) : 0, textAnchor: 'start', fontWeight: 600 })
			),
			Plot.ruleY([0], { stroke: INK })
		]
	};
}

/** Each branch's share of its module, module by module. `values` = shares, module by module, branch by branch. */
export function branchShare(modules: readonly string[], values: readonly number[]): Plot.PlotOptions {
	const data = modules.flatMap((module, i) => BRANCH_NAMES.map((branch, j) => ({ module, branch, share: values[i * 4 + j] })));
	const pct = (d: { share: number }) => (d.share >= 0.13 ? percent(d.share, 0) : '');
	return {
		height: branchShareHeight(modules.length),
		marginLeft: 30,
		marginRight: 18,
		x: { domain: [0, 1], tickFormat: (d: number) => percent(d, 0), label: null, ticks: 5 },
		y: { domain: modules as string[], label: null, padding: 0.14 },
		color: { domain: BRANCH_NAMES as string[], range: BRANCH_NAMES.map((b) => BRANCH_COLOURS[b]) },
		marks: [
			Plot.barX(data, Plot.stackX({ x: 'share', y: 'module', fill: 'branch', insetRight: 1 })),
			Plot.text(data, Plot.stackX({ x: 'share', y: 'module', z: 'branch', text: pct, fill: '#fff', fontWeight: 600 }))
		]
	};
}
