import { describe, expect, it } from 'vitest';
import { layerCost, networkCost } from '../../../src/lib/core/cost';
import { GOOGLENET } from '../../../src/lib/core/network';
import { ALEXNET, VGG16, modelCost, modelDepth } from '../../../src/lib/core/others';
import { plan, planLayersInOrder } from '../../../src/lib/core/plan';

describe('AlexNet, described like GoogLeNet', () => {
  const layers = planLayersInOrder(plan({}, ALEXNET));
  const byName = new Map(layers.map((l) => [l.layer.name, l]));

  it('has the feature map sizes of the original (55, 27, 13, 6)', () => {
    expect(byName.get('conv1')!.output).toEqual([55, 55, 96]);
    expect(byName.get('pool1')!.output).toEqual([27, 27, 96]);
    expect(byName.get('conv2')!.output).toEqual([27, 27, 256]);
    expect(byName.get('conv5')!.output).toEqual([13, 13, 256]);
    expect(byName.get('pool5')!.output).toEqual([6, 6, 256]);
    expect(byName.get('fc8')!.output).toEqual([1, 1, 1000]);
  });

  it('counts a grouped convolution with each filter seeing half the input channels', () => {
    const conv2 = layerCost(byName.get('conv2')!, 'printed');
    expect(conv2.weights).toBe(5 * 5 * 48 * 256);
    expect(conv2.macs).toBe(5 * 5 * 48 * 256 * 27 * 27);
    expect(layerCost(byName.get('conv3')!, 'printed').weights).toBe(3 * 3 * 256 * 384);
    expect(layerCost(byName.get('conv4')!, 'printed').weights).toBe(3 * 3 * 192 * 384);
  });

  it("has the 60,965,224 parameters of Caffe's bvlc_alexnet, and 724M multiply-adds", () => {
    expect(modelCost(ALEXNET, 'run').params).toBe(60_965_224);
    expect(modelCost(ALEXNET, 'printed').params).toBe(60_954_656);
    expect(modelCost(ALEXNET).macs).toBe(724_406_816);
    expect(modelDepth(ALEXNET)).toBe(8);
  });
});

describe('VGG-16', () => {
  it('has 138,357,544 parameters and about 15.5G multiply-adds', () => {
    const cost = modelCost(VGG16, 'run');
    expect(cost.params).toBe(138_357_544);
    expect(cost.macs).toBe(15_470_264_320);
    expect(modelDepth(VGG16)).toBe(16);
  });

  it('ends its convolutions at 7x7x512', () => {
    const layers = planLayersInOrder(plan({}, VGG16));
    expect(layers.find((l) => l.layer.name === 'pool5')!.output).toEqual([7, 7, 512]);
  });
});

describe('modelCost', () => {
  it('agrees with networkCost for GoogLeNet under both conventions', () => {
    for (const convention of ['printed', 'run'] as const) {
      const { params, macs } = networkCost({ convention }).total;
      expect(modelCost(GOOGLENET, convention)).toMatchObject({ params, macs });
    }
    expect(modelDepth(GOOGLENET)).toBe(22);
  });

  it('refuses a group count that does not divide the channels', () => {
    const odd = { ...ALEXNET, rows: [{ ...ALEXNET.rows[0], block: [{ op: 'conv', name: 'c', kernel: 3, stride: 1, pad: 1, filters: 4, groups: 2 }] }] } as typeof ALEXNET;
    expect(() => modelCost(odd)).toThrow(/groups/);
  });
});
