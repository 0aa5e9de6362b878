/**
 * The two networks the paper measures itself against, described with the same types as GoogLeNet
 * so that their params and multiply-adds come out of the same plan and cost code:
 *
 * - AlexNet (Krizhevsky, Sutskever, Hinton 2012, "SuperVision" in Table 2), as in the original
 *   two-GPU model and Caffe's bvlc_alexnet: 227x227 input, conv2, conv4 and conv5 grouped in two.
 * - VGG-16 (Simonyan and Zisserman 2014, configuration D; "VGG" in Table 2).
 *
 * Neither has a printed Table 1, so both are counted as run (weights plus biases) unless asked.
 */
import { sumCosts, layerCost, type Convention, type Cost } from './cost';
import type { ConvLayer, FcLayer, Layer, Network, PoolLayer, Table1Row } from './network';
import { plan, planLayersInOrder } from './plan';

const conv = (name: string, kernel: number, stride: number, pad: number, filters: number, groups = 1): ConvLayer => ({
  op: 'conv',
  name,
  kernel,
  stride,
  pad,
  filters,
  ...(groups > 1 ? { groups } : {})
});
const maxPool = (name: string, kernel: number, stride: number): PoolLayer => ({
  op: 'maxpool',
  name,
  kernel,
  stride,
  pad: 0
});
const fc = (name: string, outputs: number, relu: boolean): FcLayer => ({ op: 'fc', name, outputs, relu });
const dropout = (name: string): Layer => ({ op: 'dropout', name, rate: 0.5 });
const lrn = (name: string): Layer => ({ op: 'lrn', name, size: 5, alpha: 1e-4, beta: 0.75, k: 1 });

/** Numbers the rows in order; `depth` counts the layers with parameters. */
function rows(blocks: readonly (readonly [string, string, readonly Layer[]])[]): Table1Row[] {
  return blocks.map(([type, patch, layers], i) => ({
    row: i + 1,
    type,
    patch,
    depth: layers.filter((l) => l.op === 'conv' || l.op === 'fc').length,
    block: layers
  }));
}

export const ALEXNET: Network = {
  name: 'AlexNet (Krizhevsky et al. 2012)',
  input: [227, 227, 3],
  meanBgr: [104, 117, 123],
  rows: rows([
    ['convolution', '11x11/4', [conv('conv1', 11, 4, 0, 96), lrn('norm1')]],
    ['max pool', '3x3/2', [maxPool('pool1', 3, 2)]],
    ['convolution', '5x5/1', [conv('conv2', 5, 1, 2, 256, 2), lrn('norm2')]],
    ['max pool', '3x3/2', [maxPool('pool2', 3, 2)]],
    ['convolution', '3x3/1', [conv('conv3', 3, 1, 1, 384)]],
    ['convolution', '3x3/1', [conv('conv4', 3, 1, 1, 384, 2)]],
    ['convolution', '3x3/1', [conv('conv5', 3, 1, 1, 256, 2)]],
    ['max pool', '3x3/2', [maxPool('pool5', 3, 2)]],
    ['linear', '', [fc('fc6', 4096, true), dropout('drop6')]],
    ['linear', '', [fc('fc7', 4096, true), dropout('drop7')]],
    ['linear', '', [fc('fc8', 1000, false)]],
    ['softmax', '', [{ op: 'softmax', name: 'prob' }]]
  ]),
  aux: []
};

/** VGG-16's five stages: how many 3x3 convolutions each has, and their width. */
const VGG16_STAGES: readonly (readonly [number, number])[] = [
  [2, 64],
  [2, 128],
  [3, 256],
  [3, 512],
  [3, 512]
];

export const VGG16: Network = {
  name: 'VGG-16 (Simonyan and Zisserman 2014)',
  input: [224, 224, 3],
  meanBgr: [104, 117, 123],
  rows: rows([
    ...VGG16_STAGES.flatMap(([count, width], s) => [
      ...Array.from(
        { length: count },
        (_, i) => ['convolution', '3x3/1', [conv(`conv${s + 1}_${i + 1}`, 3, 1, 1, width)]] as const
      ),
      ['max pool', '2x2/2', [maxPool(`pool${s + 1}`, 2, 2)]] as const
    ]),
    ['linear', '', [fc('fc6', 4096, true), dropout('drop6')]],
    ['linear', '', [fc('fc7', 4096, true), dropout('drop7')]],
    ['linear', '', [fc('fc8', 1000, false)]],
    ['softmax', '', [{ op: 'softmax', name: 'prob' }]]
  ]),
  aux: []
};

/** The deployed cost of any described network (main path only; auxiliary heads excluded). */
export function modelCost(network: Network, convention: Convention = 'run'): Cost {
  return sumCosts(planLayersInOrder(plan({}, network)).map((l) => layerCost(l, convention)));
}

/** Layers with parameters on the longest path (the paper's way of counting depth). */
export const modelDepth = (network: Network): number => network.rows.reduce((sum, r) => sum + r.depth, 0);
