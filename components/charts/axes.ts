// Room for a chart's x-axis title below its tick labels, so that at 12 px the two never touch
// (Plot's defaults set the title almost on the ticks). Used by every Plot chart on the site.
import type * as Plot from '@observablehq/plot';

export const X_TITLE_OFFSET = 36;
export const X_TITLE_MARGIN = 44;

export function roomForAxisTitles(options: Plot.PlotOptions): Plot.PlotOptions {
	const x = options.x;
	if (!x || x.label === null || x.axis === null || x.axis === 'top') return options;
	return {
		...options,
		marginBottom: Math.max(options.marginBottom ?? 0, X_TITLE_MARGIN),
		height: options.height === undefined ? undefined : options.height + Math.max(0, X_TITLE_MARGIN - (options.marginBottom ?? 30)),
		x: { labelOffset: X_TITLE_OFFSET, ...x }
	};
}
