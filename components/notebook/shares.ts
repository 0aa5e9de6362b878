// Each Inception module's output channels by branch, read from the planned network. DOM-free.
import type { BranchName } from '$lib/core/inception';
import { isModule, plan } from '$lib/core/plan';

export interface BranchShare {
	readonly module: string;
	readonly branch: BranchName;
	readonly channels: number;
	/** Fraction of the module's output channels. */
	readonly share: number;
}

export function branchShares(): BranchShare[] {
	return plan().rows.flatMap((r) => {
		const block = r.block;
		if (!isModule(block)) return [];
		return block.branches.map((b) => ({
			module: block.module.id,
			branch: b.name,
			channels: b.output[2],
			share: b.output[2] / block.output[2]
		}));
	});
}
