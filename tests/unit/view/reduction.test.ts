// The 1x1 reduction widget's arithmetic: which tap feeds each reduction, a weighted sum by hand
// on a tiny case, and on the real network: the sum of products over the input channels plus the
// bias, ReLU'd, is the engine's own tap value at every pixel checked.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { CROP_SIDE, cropBoxes } from '../../../src/lib/engine/crops';
import { createGoogLeNet, type GoogLeNet } from '../../../src/lib/engine/googlenet';
import { cutCrops, toNetworkInput, toRgb } from '../../../src/lib/engine/preprocess';
import { readConverted } from '../../../src/lib/node/model-files';
import { readImage } from '../../../src/lib/node/image';
import {
  branchCounter,
  channelOf,
  filterColumn,
  hottestPixel,
  isReductionName,
  liveliestChannel,
  movePixel,
  pixelValues,
  reductionLayers,
  reductionSpec,
  weightedSum,
  type MapData
} from '../../../src/lib/view/reduction';
import { tileAt, tileGrid, tilePixels } from '../../../components/reduction/tileGrid';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, REPO_ROOT, removeConvertedModel, startTestBackend } from '../engine/helpers';

describe('which reductions there are and what feeds them', () => {
  it('finds all 27: three per module, each a 1x1 convolution', () => {
    const names = reductionLayers();
    expect(names).toHaveLength(27);
    expect(names.slice(0, 3)).toEqual(['inception_3a/3x3_reduce', 'inception_3a/5x5_reduce', 'inception_3a/pool_proj']);
    expect(names.every(isReductionName)).toBe(true);
  });

  it("3a's reductions read pool2's output; pool_proj reads the module's own 3x3/1 max pool", () => {
    expect(reductionSpec('inception_3a/3x3_reduce')).toEqual({
      layer: 'inception_3a/3x3_reduce',
      module: 'inception_3a',
      moduleId: '3a',
      branch: '3x3',
      inputTap: 'pool2/3x3_s2',
      input: [28, 28, 192],
      output: [28, 28, 96]
    });
    expect(reductionSpec('inception_3a/pool_proj')?.inputTap).toBe('inception_3a/pool');
    expect(reductionSpec('inception_3b/5x5_reduce')?.inputTap).toBe('inception_3a/output');
    expect(reductionSpec('inception_4a/3x3_reduce')?.inputTap).toBe('pool3/3x3_s2');
    expect(reductionSpec('inception_5b/pool_proj')?.input).toEqual([7, 7, 832]);
  });

  it('answers null for anything else', () => {
    expect(reductionSpec('inception_3a/3x3')).toBeNull();
    expect(reductionSpec('inception_3a/1x1')).toBeNull();
    expect(reductionSpec('conv2/3x3_reduce')).toBeNull();
    expect(reductionSpec('inception_9z/3x3_reduce')).toBeNull();
  });

  it('every input tap is a tap the engine offers, with the shape the reduction reads', async () => {
    const { tapShapes } = await import('../../../src/lib/engine/googlenet');
    const { plan } = await import('../../../src/lib/core/plan');
    const shapes = tapShapes(plan());
    for (const name of reductionLayers()) {
      const spec = reductionSpec(name)!;
      expect([name, shapes.get(spec.inputTap)]).toEqual([name, spec.input]);
      expect([name, shapes.get(name)]).toEqual([name, spec.output]);
    }
  });
});

describe('the branch counter, from the cost model', () => {
  it("3a's 3x3 branch: 28·28·192·96 for the reduction, then the 3x3 on 96 channels; naive, the 3x3 on all 192", () => {
    const c = branchCounter(reductionSpec('inception_3a/3x3_reduce')!);
    expect(c.reduced.map((l) => l.macs)).toEqual([28 * 28 * 192 * 96, 28 * 28 * 9 * 96 * 128]);
    expect(c.naive.map((l) => l.macs)).toEqual([28 * 28 * 9 * 192 * 128]);
    expect(c.reducedMacs).toBe(28 * 28 * 192 * 96 + 28 * 28 * 9 * 96 * 128);
  });

  it('agrees with the network cost of the same layers', () => {
    const layers = networkCost().rows.flatMap((r) => r.layers);
    const c = branchCounter(reductionSpec('inception_4e/5x5_reduce')!);
    for (const l of c.reduced) expect(l.macs).toBe(layers.find((x) => x.name === l.name)!.macs);
  });

  it('the pool branch: naive costs no multiply-adds but passes every input channel on', () => {
    const c = branchCounter(reductionSpec('inception_3a/pool_proj')!);
    expect(c.naiveMacs).toBe(0);
    expect([c.reducedChannels, c.naiveChannels]).toEqual([32, 192]);
  });
});

describe('a weighted sum by hand', () => {
  // 2x2 pixels, 3 input channels, 2 output channels.
  const input: MapData = { height: 2, width: 2, channels: 3, data: Float32Array.from([1, 2, 3, 4, 5, 6, -1, 0, 1, 0.5, 0.5, 0.5]) };
  const filter = { shape: [1, 1, 3, 2], data: Float32Array.from([0.1, -1, 0.2, 0, -0.3, 1]) };

  it('reads one output channel of the filter and one pixel of the map', () => {
    expect([...filterColumn(filter, 1)]).toEqual([-1, 0, 1]);
    expect([...pixelValues(input, 1, 0)]).toEqual([-1, 0, 1]);
    expect([...channelOf(input, 2)]).toEqual([3, 6, 1, 0.5]);
  });

  it('sums value × weight over the channels, adds the bias, and applies the ReLU', () => {
    const s = weightedSum(pixelValues(input, 0, 1), filterColumn(filter, 0), 0.5);
    // 4·0.1 + 5·0.2 + 6·(−0.3) = −0.4
    [0, 0.4, 1.4, -0.4].forEach((v, k) => expect(s.running[k]).toBeCloseTo(v, 6));
    expect(s.preActivation).toBeCloseTo(0.1, 6);
    expect(s.output).toBeCloseTo(0.1, 6);
    const negative = weightedSum(pixelValues(input, 0, 1), filterColumn(filter, 0), -1);
    expect(negative.preActivation).toBeCloseTo(-1.4, 6);
    expect(negative.output).toBe(0);
  });

  it('refuses mismatched or out-of-range input with one clear line', () => {
    expect(() => weightedSum([1, 2], [1], 0)).toThrow('2 input values but 1 weights: they must match one to one');
    expect(() => filterColumn(filter, 2)).toThrow('output channel 2 is outside 0..1');
    expect(() => filterColumn({ shape: [3, 3, 1, 1], data: new Float32Array(9) }, 0)).toThrow('not a 1x1 filter bank: shape 3x3x1x1');
    expect(() => pixelValues(input, 2, 0)).toThrow('pixel (2, 0) is outside the 2x2 map');
  });

  it('moves the pixel within the map, and starts where a channel fires most', () => {
    expect(movePixel({ y: 0, x: 1 }, -1, 1, input)).toEqual({ y: 0, x: 1 });
    expect(movePixel({ y: 0, x: 1 }, 1, -1, input)).toEqual({ y: 1, x: 0 });
    expect(hottestPixel(input, 0)).toEqual({ y: 0, x: 1 });
    expect(liveliestChannel(input)).toBe(2);
  });
});

describe('the input tiles', () => {
  it('lay the channels out near-square with a power-of-two column count', () => {
    expect([tileGrid(192, 28, 28).columns, tileGrid(192, 28, 28).rows]).toEqual([16, 12]);
    expect([tileGrid(832, 7, 7).columns, tileGrid(832, 7, 7).rows]).toEqual([32, 26]);
    const g = tileGrid(192, 28, 28);
    expect([g.width, g.height]).toEqual([16 * 29 - 1, 12 * 29 - 1]);
    expect(tileAt(g, 17)).toEqual({ x: 29, y: 29 });
  });

  it("paint each channel's pixels in its own tile, the gaps white", () => {
    // 2 channels of 1x2: channel 0 is low everywhere, channel 1 high at its second pixel.
    const tap = { layer: 't', height: 1, width: 2, channels: 2, data: Float32Array.from([0, 0, 0, 1]) };
    const g = tileGrid(2, 1, 2);
    expect([g.columns, g.rows, g.width, g.height]).toEqual([2, 1, 5, 1]);
    const px = tilePixels(tap, g, [0, 1]);
    const at = (x: number) => [...px.slice(x * 4, x * 4 + 4)];
    expect(at(2)).toEqual([255, 255, 255, 255]); // the gap
    expect(at(0)).toEqual(at(3)); // channel 0's low = channel 1's first pixel
    expect(at(4)).not.toEqual(at(3));
  });
});

describe.skipIf(!HAS_SHARED)(`the weighted sum is the engine's own tap value${NEEDS_SHARED}`, () => {
  let net: GoogLeNet;
  let tensors: tf.NamedTensorMap;
  let taps: Record<string, MapData>;
  const checked = ['inception_3a/3x3_reduce', 'inception_3a/pool_proj', 'inception_4d/5x5_reduce', 'inception_5b/3x3_reduce'];
  const specs = checked.map((l) => reductionSpec(l)!);

  beforeAll(async () => {
    await startTestBackend();
    const { weights } = await readConverted('float32', convertedModel());
    tensors = weights.tensors;
    net = createGoogLeNet(tensors);
    const { width, height, data } = readImage(join(REPO_ROOT, 'static/samples/chelsea.png'));
    const pixels = tf.tensor3d(data, [height, width, 4], 'int32');
    const resized = new Map<number, tf.Tensor3D>();
    const input = tf.tidy(() => toNetworkInput(cutCrops(toRgb(pixels), cropBoxes(width, height, 1), CROP_SIDE, resized), net.plan.network.meanBgr));
    const names = [...new Set(specs.flatMap((s) => [s.inputTap, s.layer]))];
    const out = net.forward(input, { taps: names, aux: false });
    taps = {};
    for (const name of names) {
      const t = out.taps[name]!;
      taps[name] = { height: t.shape[1], width: t.shape[2], channels: t.shape[3], data: t.dataSync() as Float32Array };
    }
    tf.dispose([pixels, input, ...resized.values(), out.probs, ...Object.values(out.taps)]);
  }, 120_000);

  afterAll(() => {
    net?.dispose();
    tf.dispose(tensors);
    removeConvertedModel();
  });

  for (const [i, layer] of checked.entries()) {
    it(`${layer}: Σ value × weight + bias, ReLU'd, equals the tap within 1e-4 (relative above 1) at every pixel of two channels`, () => {
      const spec = specs[i]!;
      const filter = tensors[`${layer}/filter`]!;
      const bias = tensors[`${layer}/bias`]!.dataSync();
      const input = taps[spec.inputTap]!;
      const output = taps[layer]!;
      const channels = [liveliestChannel(output), spec.output[2] - 1];
      let fired = 0;
      for (const ch of channels) {
        const weights = filterColumn({ shape: filter.shape, data: filter.dataSync() as Float32Array }, ch);
        for (let y = 0; y < output.height; y++)
          for (let x = 0; x < output.width; x++) {
            const s = weightedSum(pixelValues(input, y, x), weights, bias[ch] as number);
            const engine = output.data[(y * output.width + x) * output.channels + ch] as number;
            // Within 1e-4, relative above 1: values reach ~300 here, where float32 itself only
            // resolves ~2e-5 and the engine sums in its own order (the gap measured up to 1.3e-4).
            expect(Math.abs(s.output - engine)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(engine)));
            if (s.output > 0) fired++;
          }
      }
      expect(fired).toBeGreaterThan(0); // not a check of zeros against zeros
    });
  }
});
