/**
 * Gradients of the real network (skipped without ../shared): the same gradient from tfjs's WASM
 * and CPU backends, Grad-CAM from both, the randomization check of Adebayo et al. (2018), a short
 * feature visualization that climbs, and tf.memory flat over repeated runs.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogLeNet, type GoogLeNet } from '../../../../src/lib/engine/googlenet';
import { gradCam, randomizedLayers, randomizedWeights, rankCorrelation } from '../../../../src/lib/engine/gradients/attribution';
import { centerCrop } from '../../../../src/lib/engine/gradients/center-crop';
import { DEFAULT_FEATURE_VIS, featureVis } from '../../../../src/lib/engine/gradients/feature-vis';
import { inputGradient } from '../../../../src/lib/engine/gradients/gradient';
import { readImage } from '../../../../src/lib/node/image';
import { readConverted } from '../../../../src/lib/node/model-files';
import { convertedModel, HAS_SHARED, NEEDS_SHARED, REFERENCE, removeConvertedModel, startTestBackend } from '../helpers';

/** Spearman's rho between Grad-CAM on the trained network and with inception_5b and above re-drawn must stay below this. */
const RANDOMIZED_RHO_BOUND = 0.5;

describe.skipIf(!HAS_SHARED)(`gradients of the real network${NEEDS_SHARED}`, () => {
  let net: GoogLeNet;
  let weights: tf.NamedTensorMap;
  let input: tf.Tensor4D;
  let cat: number;

  beforeAll(async () => {
    await startTestBackend();
    weights = (await readConverted('float32', convertedModel())).weights.tensors;
    net = createGoogLeNet(weights);
    const { data, width, height } = readImage(join(REFERENCE, 'chelsea.png'));
    input = centerCrop(net, { width, height, data: new Uint8ClampedArray(data) }).input;
    const probs = tf.tidy(() => net.forward(input).probs.dataSync());
    cat = probs.indexOf(Math.max(...probs));
  }, 120_000);

  afterAll(async () => {
    await tf.setBackend('wasm');
    net.dispose();
    tf.dispose([input, ...Object.values(weights)]);
    removeConvertedModel();
  });

  /** Runs `f` on tfjs's CPU backend, then returns to WASM. */
  const onCpu = async <T>(f: () => T): Promise<T> => {
    await tf.setBackend('cpu');
    try {
      return f();
    } finally {
      await tf.setBackend('wasm');
    }
  };

  it('gives the same input gradient on tfjs-wasm and tfjs-cpu', async () => {
    const x = tf.randomUniform([1, 96, 96, 3], -60, 60, 'float32', 3) as tf.Tensor4D;
    const o = { kind: 'channel', tap: 'inception_3a/output', channel: 5 } as const;
    const a = inputGradient(net, x, o);
    const b = await onCpu(() => inputGradient(net, x, o));
    const ga = a.grad.dataSync();
    const gb = b.grad.dataSync();
    const scale = Math.max(...gb.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    expect(Math.max(...ga.map((v, i) => Math.abs(v - gb[i]!))) / scale).toBeLessThan(1e-3);
    expect(Math.abs(a.value - b.value) / Math.abs(b.value)).toBeLessThan(1e-4);
    tf.dispose([x, a.grad, b.grad]);
  }, 120_000);

  it('gives the same Grad-CAM for chelsea on tfjs-wasm and tfjs-cpu', async () => {
    const a = gradCam(net, input, cat);
    const b = await onCpu(() => gradCam(net, input, cat));
    expect([a.width, a.height]).toEqual([224, 224]);
    expect(Math.max(...a.values.map((v, i) => Math.abs(v - b.values[i]!)))).toBeLessThan(1e-3);
    expect(rankCorrelation(a, b)).toBeGreaterThan(0.999);
  }, 300_000);

  it(`changes Grad-CAM when inception_5b and above are re-drawn (Spearman below ${RANDOMIZED_RHO_BOUND})`, () => {
    const trained = gradCam(net, input, cat);
    const random = randomizedWeights(weights, net.plan, 'inception_5b', 1);
    const drawn = randomizedLayers(net.plan, 'inception_5b').flatMap((l) => [random[`${l}/filter`]!, random[`${l}/bias`]!]);
    const randomNet = createGoogLeNet(random, net.plan);
    try {
      const rho = rankCorrelation(trained, gradCam(randomNet, input, cat));
      expect(rho).toBeLessThan(RANDOMIZED_RHO_BOUND);
      // The same seed re-draws the same weights; the layers below are the trained tensors themselves.
      const again = randomizedWeights(weights, net.plan, 'inception_5b', 1);
      expect(again['loss3/classifier/bias']!.dataSync()).toEqual(random['loss3/classifier/bias']!.dataSync());
      expect(again['inception_5a/1x1/filter']).toBe(weights['inception_5a/1x1/filter']);
      tf.dispose(randomizedLayers(net.plan, 'inception_5b').flatMap((l) => [again[`${l}/filter`]!, again[`${l}/bias`]!]));
    } finally {
      randomNet.dispose();
      tf.dispose(drawn);
    }
  }, 120_000);

  it('climbs the objective over a short feature visualization, and frees everything', async () => {
    const o = { kind: 'channel', tap: 'inception_3a/output', channel: 5 } as const;
    const before = tf.memory().numTensors;
    const values: number[] = [];
    let images = 0;
    for await (const step of featureVis(net, o, { ...DEFAULT_FEATURE_VIS, size: 64, steps: 16 })) {
      values.push(step.value);
      if (step.step === 16) images = step.images().length;
    }
    expect(images).toBe(1);
    expect(values.at(-1)!).toBeGreaterThan(values[0]! + 1);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('frees everything when a run is stopped part way', async () => {
    const o = { kind: 'channel', tap: 'inception_3a/output', channel: 1, sign: -1 } as const;
    const before = tf.memory().numTensors;
    const run = featureVis(net, o, { ...DEFAULT_FEATURE_VIS, size: 48, steps: 100 });
    await run.next();
    await run.next();
    await run.return([]);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
