import { describe, expect, it } from 'vitest';
import { layerCost, networkCost } from '../../../src/lib/core/cost';
import { isModule, outputSide, plan, planLayersInOrder } from '../../../src/lib/core/plan';

describe('shapes and receptive fields', () => {
  it('rounds pools up and convolutions down, as Caffe does', () => {
    expect(outputSide(224, 7, 2, 3, false)).toBe(112);
    expect([112, 56, 28, 14].map((s) => outputSide(s, 3, 2, 0, true))).toEqual([56, 28, 14, 7]);
    expect(outputSide(14, 5, 3, 0, true)).toBe(4); // the auxiliary heads' average pool
    expect(outputSide(28, 3, 1, 1, true)).toBe(28); // the in-module pool
    expect(() => outputSide(3, 5, 1, 0, false)).toThrow(/does not fit/);
  });

  it('names every layer after its weight blob, 57 convolutions and one classifier', () => {
    const layers = planLayersInOrder(plan());
    const convs = layers.filter((l) => l.layer.op === 'conv');
    expect(convs).toHaveLength(57);
    expect(convs[0].layer.name).toBe('conv1/7x7_s2');
    expect(convs.map((l) => l.layer.name)).toContain('inception_4c/3x3_reduce');
    expect(layers.filter((l) => l.layer.op === 'lrn').map((l) => l.layer.name)).toEqual(['pool1/norm1', 'conv2/norm2']);
  });

  it('gives the auxiliary heads the paper describes, on 4a and 4d', () => {
    const c = networkCost({ convention: 'run' });
    expect(c.aux.map((a) => [a.name, a.after, a.layers[0].output])).toEqual([
      ['loss1', 'inception_4a', [4, 4, 512]],
      ['loss2', 'inception_4d', [4, 4, 528]]
    ]);
    const fc = c.aux[0].layers.find((l) => l.name === 'loss1/fc')!;
    expect(fc.weights).toBe(4 * 4 * 128 * 1024);
    // Training-only: not part of the deployed total.
    expect(c.total.params).toBe(6_998_552);
  });

  it('grows the receptive field through depth', () => {
    const c = networkCost();
    expect(c.rows[0].rf).toEqual({ size: 7, jump: 2 });
    expect(c.rows[1].rf).toEqual({ size: 11, jump: 4 });
    const m = c.rows[4].module!; // 3a: the 5x5 branch sees furthest
    expect(m.branches.map((b) => b.rf.size)).toEqual([27, 27 + 2 * 8, 27 + 4 * 8, 27 + 2 * 8]); // input: 27 px, 8 px apart
    expect(m.rf.size).toBe(59);
  });

  it('writes out the arithmetic of a layer', () => {
    const p = plan();
    const l = p.rows[4].block;
    if (!isModule(l)) throw new Error('row 5 is a module');
    const conv3 = l.branches[1].layers[1];
    const cost = layerCost(conv3, 'printed');
    expect(cost.macFactors).toEqual([3, 3, 96, 128, 28, 28]);
    expect(cost.macs).toBe(3 * 3 * 96 * 128 * 28 * 28);
    expect(cost.activationBytes).toBe(28 * 28 * 128 * 4);
  });
});
