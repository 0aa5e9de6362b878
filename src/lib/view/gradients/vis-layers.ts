/**
 * The layers a reader can visualize from the appendix's widget: every convolution outside the
 * modules and every Inception module's output, in the network's order, with their channel
 * counts, from the plan (the one description of the network).
 */
import { isModule, plan, type Plan } from '$lib/core/plan';

export interface VisLayer {
	/** The tap name the network's forward pass takes. */
	readonly name: string;
	readonly channels: number;
}

export function visLayers(p: Plan = plan()): VisLayer[] {
	const out: VisLayer[] = [];
	for (const row of p.rows) {
		if (isModule(row.block)) out.push({ name: row.block.tap, channels: row.block.output[2] });
		else for (const l of row.block) if (l.layer.name.startsWith('conv')) out.push({ name: l.layer.name, channels: l.output[2] });
	}
	return out;
}
