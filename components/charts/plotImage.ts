// A drawn Observable Plot chart as one picture for assistive technology: role="img" with the
// chart's name. Plot names each mark's group ("bar", "line", "rule"), but an aria-label is not
// allowed on a plain SVG group, and inside an image its parts are not read anyway; those labels
// carried no figures (every chart's numbers are also in the page as text or a table), so they go.
export function asImage<T extends Element>(chart: T, label: string): T {
	chart.setAttribute('role', 'img');
	chart.setAttribute('aria-label', label);
	for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
		part.removeAttribute('aria-label');
		part.removeAttribute('aria-description');
	}
	return chart;
}
