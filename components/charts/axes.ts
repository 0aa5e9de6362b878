// Room for a chart's axis titles clear of its tick labels, so that at 12 px the two never touch:
// Plot's defaults set the x title almost on the ticks and the y title (at the top) over the top
// tick once text is 12 px. Used by every Plot chart on the site (PlotChart, TweenedPlot).
import type * as Plot from '@observablehq/plot';

export const X_TITLE_OFFSET = 36;
export const X_TITLE_MARGIN = 44;
/** Plot sets a top-anchored y title 3 px from the top: its 12 px line ends above this. */
export const Y_TITLE_MARGIN = 28;

type Axis = Plot.ScaleOptions & { axis?: unknown; label?: unknown };
const titled = (a: Axis | undefined) => a === undefined || (a.label !== null && a.axis !== null);

export function roomForAxisTitles(options: Plot.PlotOptions): Plot.PlotOptions {
	let out = options;
	const x = options.x as Axis | undefined;
	if (x && titled(x) && x.axis !== 'top') {
		const grow = Math.max(0, X_TITLE_MARGIN - (options.marginBottom ?? 30));
		out = { ...out, marginBottom: Math.max(options.marginBottom ?? 0, X_TITLE_MARGIN), x: { labelOffset: X_TITLE_OFFSET, ...x } };
		if (out.height !== undefined) out = { ...out, height: out.height + grow };
	}
	const y = options.y as Axis | undefined;
	if (y && titled(y) && y.axis !== 'right') {
		const grow = Math.max(0, Y_TITLE_MARGIN - (options.marginTop ?? 20));
		out = { ...out, marginTop: Math.max(options.marginTop ?? 0, Y_TITLE_MARGIN) };
		if (out.height !== undefined) out = { ...out, height: out.height + grow };
	}
	return out;
}
