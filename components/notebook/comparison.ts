// GoogLeNet beside the two networks the paper measures itself against, every cost computed by
// the core from a typed description, every error read from Table 2. DOM-free.
import type { Convention } from '$lib/core/cost';
import { GOOGLENET } from '$lib/core/network';
import { ALEXNET, VGG16, modelCost, modelDepth } from '$lib/core/others';
import { TABLE2 } from './paper-results';

export interface ModelFigures {
	readonly key: 'alexnet' | 'vgg16' | 'googlenet';
	readonly name: string;
	/** The team name in Table 2. */
	readonly team: string;
	readonly year: number;
	readonly params: number;
	readonly macs: number;
	/** Layers with parameters on the longest path. */
	readonly depth: number;
	/** Top-5 test error of the team's entry without external data (Table 2). */
	readonly top5: number;
}

const top5 = (team: string): number => {
	const entry = TABLE2.find((e) => e.team === team && e.externalData === 'no');
	if (!entry) throw new Error(`Table 2 has no entry for ${team} without external data`);
	return entry.top5;
};

export function compareModels(convention: Convention = 'run'): ModelFigures[] {
	return [
		{ key: 'alexnet', name: 'AlexNet', team: 'SuperVision', year: 2012, net: ALEXNET },
		{ key: 'vgg16', name: 'VGG-16', team: 'VGG', year: 2014, net: VGG16 },
		{ key: 'googlenet', name: 'GoogLeNet', team: 'GoogLeNet', year: 2014, net: GOOGLENET }
	].map(({ net, ...m }) => {
		const cost = modelCost(net, convention);
		return {
			...m,
			key: m.key as ModelFigures['key'],
			params: cost.params,
			macs: cost.macs,
			depth: modelDepth(net),
			top5: top5(m.team)
		};
	});
}

/** One model's figures by key. */
export function figuresOf(key: ModelFigures['key'], convention: Convention = 'run'): ModelFigures {
	return compareModels(convention).find((m) => m.key === key)!;
}
