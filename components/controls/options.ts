// The choices that more than one page offers, written once so their labels and hints agree.
import type { Convention } from '$lib/core/cost';

export const CONVENTION_OPTIONS: readonly { value: Convention; label: string; hint: string }[] = [
	{ value: 'printed', label: 'printed', hint: "The paper's arithmetic: weights only, row 1 as a separable 7×7" },
	{ value: 'run', label: 'run', hint: 'The network the weights define: plain 7×7 conv1, weights and biases' }
];

export const MODULE_OPTIONS: readonly { value: 'reduced' | 'naive'; label: string; hint: string }[] = [
	{ value: 'reduced', label: 'with reductions (2b)', hint: 'Figure 2(b): the network of the paper' },
	{ value: 'naive', label: 'naive (2a)', hint: 'Figure 2(a) everywhere: no 1×1 reductions, pools pass their input through' }
];
