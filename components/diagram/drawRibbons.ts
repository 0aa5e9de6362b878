// Draws the diagram's edges into an SVG with d3: ribbons whose width is the channels they carry,
// and the channel counts on the ribbons inside an open module or auxiliary head. Everything it
// draws comes in as arguments; a new call moves every ribbon to its new shape with a transition.
import { easeCubicInOut, select, transition } from 'd3';
import type { PlacedEdge } from '$lib/view/diagram/layout';
import { BRANCH_COLOURS, RIBBON } from './palette';

export interface RibbonOptions {
	/** Transition length (ms); 0 jumps. */
	readonly duration: number;
	/** A node whose ribbons are drawn stronger. */
	readonly highlight?: string;
}

const inAuxHead = (d: PlacedEdge): boolean => d.edge.kind === 'aux' || d.edge.kind === 'auxInner';
const fill = (d: PlacedEdge): string =>
	d.edge.branch ? BRANCH_COLOURS[d.edge.branch] : inAuxHead(d) ? RIBBON.aux : RIBBON.main;

export function drawRibbons(svg: SVGSVGElement, edges: readonly PlacedEdge[], options: RibbonOptions): void {
	const root = select(svg);
	// One timing for every ribbon and label. (Importing `transition` as a value also keeps
	// d3-transition, which adds selection.transition, in the bundle: d3 is marked side-effect free.)
	const t = transition('layout').duration(options.duration).ease(easeCubicInOut);
	const touches = (d: PlacedEdge) =>
		options.highlight !== undefined && (d.edge.from === options.highlight || d.edge.to === options.highlight);
	const opacity = (d: PlacedEdge) => (touches(d) ? 0.85 : d.edge.branch ? 0.42 : 0.5);

	const ribbons = root
		.selectAll<SVGGElement, null>('g.ribbons')
		.data([null])
		.join('g')
		.attr('class', 'ribbons');
	ribbons
		.selectAll<SVGPathElement, PlacedEdge>('path')
		.data(edges, (d) => d.edge.id)
		.join(
			(enter) =>
				enter
					.append('path')
					.attr('d', (d) => d.path)
					.attr('fill', fill)
					.attr('fill-opacity', 0)
					.call((e) => e.transition(t).attr('fill-opacity', opacity)),
			(update) =>
				update.call((u) =>
					u.transition(t).attr('d', (d) => d.path).attr('fill', fill).attr('fill-opacity', opacity)
				),
			(exit) => exit.call((x) => x.transition(t).attr('fill-opacity', 0).remove())
		)
		.attr('data-edge', (d) => d.edge.id)
		.attr('data-channels', (d) => d.edge.channels);

	const labelled = edges.filter((d) => d.label);
	const labels = root
		.selectAll<SVGGElement, null>('g.labels')
		.data([null])
		.join('g')
		.attr('class', 'labels');
	labels
		.selectAll<SVGTextElement, PlacedEdge>('text')
		.data(labelled, (d) => d.edge.id)
		.join(
			(enter) =>
				enter
					.append('text')
					.attr('x', (d) => d.label!.x)
					.attr('y', (d) => d.label!.y)
					.attr('opacity', 0)
					.call((e) => e.transition(t).attr('opacity', 1)),
			(update) =>
				update.call((u) =>
					u
						.transition(t)
						.attr('x', (d) => d.label!.x)
						.attr('y', (d) => d.label!.y)
						.attr('opacity', 1)
				),
			(exit) => exit.attr('data-label', null).call((x) => x.transition(t).attr('opacity', 0).remove())
		)
		.attr('data-label', '')
		.attr('data-edge', (d) => d.edge.id)
		.text((d) => d.label!.text);
}
