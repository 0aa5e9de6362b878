/**
 * A small network with every layer kind GoogLeNet has, at sizes that exercise the edges (maps
 * that are not multiples of 4, a 3-channel stride-2 convolution, ceil-mode pools with padding),
 * one Inception module and an auxiliary head; and seeded random weights for any plan of it.
 */
import type { Network } from '../../../src/lib/core/network';
import type { Plan } from '../../../src/lib/core/plan';
import { sizeOf, weightSpecs } from '../../../src/lib/engine/weight-spec';
import { random } from './helpers';

const conv = (name: string, kernel: number, stride: number, pad: number, filters: number) =>
  ({ op: 'conv', name, kernel, stride, pad, filters }) as const;

export const TINY: Network = {
  name: 'tiny',
  input: [38, 38, 3],
  meanBgr: [0, 0, 0],
  rows: [
    { row: 1, type: 'convolution', patch: '5x5/2', depth: 1, block: [conv('c1', 5, 2, 2, 19)] },
    {
      row: 2,
      type: 'max pool',
      patch: '3x3/2',
      depth: 0,
      block: [
        { op: 'maxpool', name: 'p1', kernel: 3, stride: 2, pad: 0 },
        { op: 'lrn', name: 'n1', size: 5, alpha: 1e-2, beta: 0.75, k: 1 }
      ]
    },
    { row: 3, type: 'convolution', patch: '3x3/1', depth: 1, block: [conv('c2', 3, 1, 1, 24)] },
    {
      row: 4,
      type: 'inception (t)',
      patch: '',
      depth: 2,
      block: { op: 'inception', name: 'inception_t', id: 't', filters: { n1x1: 8, n3x3reduce: 8, n3x3: 16, n5x5reduce: 4, n5x5: 8, poolProj: 6 } }
    },
    { row: 5, type: 'max pool', patch: '3x3/2', depth: 0, block: [{ op: 'maxpool', name: 'p2', kernel: 3, stride: 2, pad: 1 }] },
    {
      row: 6,
      type: 'avg pool',
      patch: '',
      depth: 0,
      block: [
        { op: 'avgpool', name: 'p3', kernel: 5, stride: 1, pad: 0 },
        { op: 'dropout', name: 'd', rate: 0.4 },
        { op: 'fc', name: 'cls', outputs: 16, relu: false },
        { op: 'softmax', name: 'prob' }
      ]
    }
  ],
  aux: [
    {
      name: 'aux1',
      after: 'inception_t',
      layers: [
        { op: 'avgpool', name: 'aux1/pool', kernel: 3, stride: 3, pad: 0 },
        conv('aux1/conv', 1, 1, 0, 8),
        { op: 'fc', name: 'aux1/fc', outputs: 24, relu: true },
        { op: 'fc', name: 'aux1/classifier', outputs: 8, relu: false },
        { op: 'softmax', name: 'aux1/prob' }
      ]
    }
  ]
};

export function weightsFor(p: Plan): Map<string, Float32Array> {
  return new Map(weightSpecs(p).map((s, i) => [s.name, random(i + 1, sizeOf(s.shape), s.blob === 'bias' ? 0.5 : 0.4)]));
}
