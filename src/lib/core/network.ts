/**
 * GoogLeNet as one typed description: the single source that the cost model, the tables, the
 * diagram and the tfjs engine are all computed from. Layer names are Caffe's, so a name is also
 * the key of its weight blob (`inception_4c/3x3_reduce` -> weights/inception_4c/3x3_reduce_*.bin).
 *
 * The semantics are those of BVLC's replication (the network behind the real weights): every
 * convolution has a bias and a ReLU, pools round up (Caffe's ceil mode), two LRNs.
 */

/** A convolution followed by ReLU. `pad` is symmetric, Caffe style. */
export interface ConvLayer {
  readonly op: 'conv';
  readonly name: string;
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
  readonly filters: number;
  /**
   * Grouped convolution (AlexNet's two-GPU split): input and output channels are cut into this
   * many groups, and each output group sees only its own input group. Absent = 1.
   */
  readonly groups?: number;
  /**
   * What the paper's printed Table 1 counts instead of this plain convolution, where it differs:
   * row 1's 2.7K / 34M imply a depthwise 7x7 with this channel multiplier, then a 1x1 to `filters`.
   */
  readonly printedAsSeparable?: { readonly depthMultiplier: number };
}

/** Max or average pooling; output size rounds up as in Caffe. */
export interface PoolLayer {
  readonly op: 'maxpool' | 'avgpool';
  readonly name: string;
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
}

/** Caffe's across-channel LRN: x / (k + alpha / size * sum of x^2 over `size` channels)^beta. */
export interface LrnLayer {
  readonly op: 'lrn';
  readonly name: string;
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;
}

export interface DropoutLayer {
  readonly op: 'dropout';
  readonly name: string;
  readonly rate: number;
}

/** Fully connected ("linear" in Table 1), optionally followed by ReLU. */
export interface FcLayer {
  readonly op: 'fc';
  readonly name: string;
  readonly outputs: number;
  readonly relu: boolean;
}

export interface SoftmaxLayer {
  readonly op: 'softmax';
  readonly name: string;
}

export type Layer = ConvLayer | PoolLayer | LrnLayer | DropoutLayer | FcLayer | SoftmaxLayer;

/** The six filter counts of an Inception module, in Table 1's column order. */
export interface InceptionFilters {
  readonly n1x1: number;
  readonly n3x3reduce: number;
  readonly n3x3: number;
  readonly n5x5reduce: number;
  readonly n5x5: number;
  readonly poolProj: number;
}

export const FILTER_KEYS = ['n1x1', 'n3x3reduce', 'n3x3', 'n5x5reduce', 'n5x5', 'poolProj'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Table 1's column headings for each filter count. */
export const FILTER_COLUMNS: Readonly<Record<FilterKey, string>> = {
  n1x1: '#1x1',
  n3x3reduce: '#3x3 reduce',
  n3x3: '#3x3',
  n5x5reduce: '#5x5 reduce',
  n5x5: '#5x5',
  poolProj: 'pool proj'
};

export interface InceptionModule {
  readonly op: 'inception';
  /** Caffe prefix, e.g. `inception_4c`. */
  readonly name: string;
  /** The paper's label, e.g. `4c`. */
  readonly id: string;
  readonly filters: InceptionFilters;
}

/** One row of the paper's Table 1 and the layers of the real network it stands for. */
export interface Table1Row {
  readonly row: number;
  /** As in the paper, e.g. `convolution`, `inception (4c)`, `dropout (40%)`. */
  readonly type: string;
  /** Patch size / stride column, e.g. `7x7/2`; empty where the paper leaves it blank. */
  readonly patch: string;
  /** Layers with parameters on the longest path (the paper's "depth" column). */
  readonly depth: number;
  readonly block: InceptionModule | readonly Layer[];
}

/** A training-only classifier attached to the output of an Inception module. */
export interface AuxHead {
  readonly name: string;
  /** The module whose output feeds it. */
  readonly after: string;
  readonly layers: readonly Layer[];
}

export interface Network {
  readonly name: string;
  /** Input [height, width, channels]: BGR, 0..255, minus `mean` per channel. */
  readonly input: readonly [number, number, number];
  readonly meanBgr: readonly [number, number, number];
  readonly rows: readonly Table1Row[];
  readonly aux: readonly AuxHead[];
}

const conv = (name: string, kernel: number, stride: number, pad: number, filters: number): ConvLayer => ({
  op: 'conv',
  name,
  kernel,
  stride,
  pad,
  filters
});
const maxPool = (name: string, kernel: number, stride: number, pad = 0): PoolLayer => ({
  op: 'maxpool',
  name,
  kernel,
  stride,
  pad
});
const avgPool = (name: string, kernel: number, stride: number): PoolLayer => ({
  op: 'avgpool',
  name,
  kernel,
  stride,
  pad: 0
});
const lrn = (name: string): LrnLayer => ({ op: 'lrn', name, size: 5, alpha: 1e-4, beta: 0.75, k: 1 });
const fc = (name: string, outputs: number, relu: boolean): FcLayer => ({ op: 'fc', name, outputs, relu });

const inception = (id: string, f: readonly [number, number, number, number, number, number]): InceptionModule => ({
  op: 'inception',
  name: `inception_${id}`,
  id,
  filters: { n1x1: f[0], n3x3reduce: f[1], n3x3: f[2], n5x5reduce: f[3], n5x5: f[4], poolProj: f[5] }
});

const row = (n: number, type: string, patch: string, depth: number, block: Table1Row['block']): Table1Row => ({
  row: n,
  type,
  patch,
  depth,
  block
});
const module = (n: number, id: string, f: readonly [number, number, number, number, number, number]): Table1Row =>
  row(n, `inception (${id})`, '', 2, inception(id, f));

const auxHead = (name: string, after: string): AuxHead => ({
  name,
  after,
  layers: [
    avgPool(`${name}/ave_pool`, 5, 3),
    conv(`${name}/conv`, 1, 1, 0, 128),
    fc(`${name}/fc`, 1024, true),
    { op: 'dropout', name: `${name}/drop_fc`, rate: 0.7 },
    fc(`${name}/classifier`, 1000, false),
    { op: 'softmax', name: `${name}/prob` }
  ]
});

export const GOOGLENET: Network = {
  name: 'GoogLeNet (BVLC replication)',
  input: [224, 224, 3],
  meanBgr: [104, 117, 123],
  rows: [
    row(1, 'convolution', '7x7/2', 1, [
      { ...conv('conv1/7x7_s2', 7, 2, 3, 64), printedAsSeparable: { depthMultiplier: 8 } }
    ]),
    row(2, 'max pool', '3x3/2', 0, [maxPool('pool1/3x3_s2', 3, 2), lrn('pool1/norm1')]),
    row(3, 'convolution', '3x3/1', 2, [
      conv('conv2/3x3_reduce', 1, 1, 0, 64),
      conv('conv2/3x3', 3, 1, 1, 192),
      lrn('conv2/norm2')
    ]),
    row(4, 'max pool', '3x3/2', 0, [maxPool('pool2/3x3_s2', 3, 2)]),
    module(5, '3a', [64, 96, 128, 16, 32, 32]),
    module(6, '3b', [128, 128, 192, 32, 96, 64]),
    row(7, 'max pool', '3x3/2', 0, [maxPool('pool3/3x3_s2', 3, 2)]),
    module(8, '4a', [192, 96, 208, 16, 48, 64]),
    module(9, '4b', [160, 112, 224, 24, 64, 64]),
    module(10, '4c', [128, 128, 256, 24, 64, 64]),
    module(11, '4d', [112, 144, 288, 32, 64, 64]),
    module(12, '4e', [256, 160, 320, 32, 128, 128]),
    row(13, 'max pool', '3x3/2', 0, [maxPool('pool4/3x3_s2', 3, 2)]),
    module(14, '5a', [256, 160, 320, 32, 128, 128]),
    module(15, '5b', [384, 192, 384, 48, 128, 128]),
    row(16, 'avg pool', '7x7/1', 0, [avgPool('pool5/7x7_s1', 7, 1)]),
    row(17, 'dropout (40%)', '', 0, [{ op: 'dropout', name: 'pool5/drop_7x7_s1', rate: 0.4 }]),
    row(18, 'linear', '', 1, [fc('loss3/classifier', 1000, false)]),
    row(19, 'softmax', '', 0, [{ op: 'softmax', name: 'prob' }])
  ],
  aux: [auxHead('loss1', 'inception_4a'), auxHead('loss2', 'inception_4d')]
};

/** Every Inception module of a network, in order. */
export function inceptionModules(net: Network = GOOGLENET): InceptionModule[] {
  return net.rows.flatMap((r) => (isInception(r.block) ? [r.block] : []));
}

export function isInception(block: Table1Row['block']): block is InceptionModule {
  return !Array.isArray(block) && (block as InceptionModule).op === 'inception';
}
