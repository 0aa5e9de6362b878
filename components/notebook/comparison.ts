// GoogLeNet beside the two networks the paper measures itself against, every cost computed by
// the core from a typed description, every error read from Table 2. DOM-free.
import type { Convention } from '$lib/core/cost';
import { GOOGLENET } from '$lib/core/network';
import { ALEXNET, VGG16, modelCost, modelDepth } from '$lib/core/others';
import { TABLE2, TABLE3 } from './paper-results';

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
	/**
	 * What produced that error: each team's entry was an ensemble, not the single network whose
	 * costs stand beside it.
	 */
	readonly entry: string;
}

/** AlexNet's 16.4% averaged this many networks (Krizhevsky et al., 2012). */
export const ALEXNET_ENTRY_NETWORKS = 5;

/** The submitted GoogLeNet entry: Table 3's last row. */
const submitted = TABLE3.at(-1)!;

/**
 * The entries behind Table 2's errors. AlexNet's 16.4% averaged 5 networks (Krizhevsky et al.,
 * 2012); the VGG team's 7.32% came from an ensemble, not from VGG-16 alone (Simonyan and
 * Zisserman); GoogLeNet's from Table 3's last row.
 */
const ENTRIES: Record<ModelFigures['key'], string> = {
	alexnet: `an ensemble of ${ALEXNET_ENTRY_NETWORKS} networks`,
	vgg16: 'an ensemble, not VGG-16 alone',
	googlenet: `an ensemble of ${submitted.models} models × ${submitted.crops} crops`
};

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
			top5: top5(m.team),
			entry: ENTRIES[m.key as ModelFigures['key']]
		};
	});
}

/** One model's figures by key. */
export function figuresOf(key: ModelFigures['key'], convention: Convention = 'run'): ModelFigures {
	return compareModels(convention).find((m) => m.key === key)!;
}
