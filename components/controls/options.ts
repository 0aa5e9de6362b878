// The choices that more than one page offers, written once so their labels and hints agree.
import type { Convention } from '$lib/core/cost';
import type { MessageKey } from '$lib/i18n/translate';

export const CONVENTION_OPTIONS: readonly { value: Convention; label: string; hint: string }[] = [
	{ value: 'printed', label: 'printed', hint: "The paper's arithmetic: weights only, row 1 as a separable 7×7" },
	{ value: 'run', label: 'run', hint: 'The network the weights define: plain 7×7 conv1, weights and biases' }
];

export const MODULE_OPTIONS: readonly { value: 'reduced' | 'naive'; label: string; hint: string }[] = [
	{ value: 'reduced', label: 'with reductions (2b)', hint: 'Figure 2(b): the network of the paper' },
	{ value: 'naive', label: 'naive (2a)', hint: 'Figure 2(a) everywhere: no 1×1 reductions, pools pass their input through' }
];

type Translate = (key: MessageKey) => string;

/** CONVENTION_OPTIONS in the page's edition (t from useI18n()). */
export const conventionOptions = (t: Translate): typeof CONVENTION_OPTIONS => [
	{ value: 'printed', label: t('options.printed'), hint: t('options.printed.hint') },
	{ value: 'run', label: t('options.run'), hint: t('options.run.hint') }
];

/** MODULE_OPTIONS in the page's edition. */
export const moduleOptions = (t: Translate): typeof MODULE_OPTIONS => [
	{ value: 'reduced', label: t('options.reduced'), hint: t('options.reduced.hint') },
	{ value: 'naive', label: t('options.naive'), hint: t('options.naive.hint') }
];
