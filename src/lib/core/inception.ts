/**
 * The two Inception modules of the paper's Figure 2, as layers derived from a module's filter
 * counts: (b) with dimension reductions, the network the paper (and the weights) use, and
 * (a) the naive module, whose pooling path passes every input channel through.
 */
import type { ConvLayer, FilterKey, InceptionModule, Layer, PoolLayer } from './network';

export type ModuleVariant = 'reduced' | 'naive';

export type BranchName = '1x1' | '3x3' | '5x5' | 'pool';
export const BRANCH_NAMES: readonly BranchName[] = ['1x1', '3x3', '5x5', 'pool'];

export interface Branch {
  readonly name: BranchName;
  readonly layers: readonly Layer[];
}

/** Caffe's suffix of the convolution that each filter count sizes (`inception_4c/<suffix>`). */
export const FILTER_SUFFIX: Readonly<Record<FilterKey, string>> = {
  n1x1: '1x1',
  n3x3reduce: '3x3_reduce',
  n3x3: '3x3',
  n5x5reduce: '5x5_reduce',
  n5x5: '5x5',
  poolProj: 'pool_proj'
};

/** The filter counts that the naive module has no use for. */
export const REDUCTION_KEYS: readonly FilterKey[] = ['n3x3reduce', 'n5x5reduce', 'poolProj'];

/** The name under which a module's concatenated output is known (as in Caffe). */
export const outputName = (m: InceptionModule): string => `${m.name}/output`;

export function branches(m: InceptionModule, variant: ModuleVariant): Branch[] {
  const f = m.filters;
  const c = (key: FilterKey, kernel: number): ConvLayer => ({
    op: 'conv',
    name: `${m.name}/${FILTER_SUFFIX[key]}`,
    kernel,
    stride: 1,
    pad: (kernel - 1) / 2,
    filters: f[key]
  });
  const pool: PoolLayer = { op: 'maxpool', name: `${m.name}/pool`, kernel: 3, stride: 1, pad: 1 };
  if (variant === 'naive') {
    return [
      { name: '1x1', layers: [c('n1x1', 1)] },
      { name: '3x3', layers: [c('n3x3', 3)] },
      { name: '5x5', layers: [c('n5x5', 5)] },
      { name: 'pool', layers: [pool] }
    ];
  }
  return [
    { name: '1x1', layers: [c('n1x1', 1)] },
    { name: '3x3', layers: [c('n3x3reduce', 1), c('n3x3', 3)] },
    { name: '5x5', layers: [c('n5x5reduce', 1), c('n5x5', 5)] },
    { name: 'pool', layers: [pool, c('poolProj', 1)] }
  ];
}
