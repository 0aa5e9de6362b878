/**
 * What a gradient climbs: one channel's mean, one unit, a class's pre-softmax score, or the mean
 * square of a whole tap (DeepDream's "amplify what is there"). `objectiveValue` runs the network
 * only as far as the objective needs, with layers tfjs can differentiate on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { plan as makePlan, type Plan } from '../../core/plan';
import { tapShapes, type GoogLeNet } from '../googlenet';

/** What checking an objective needs of a network: its plan and taps (no weights). */
export type NetShape = Pick<GoogLeNet, 'plan' | 'tapShapes' | 'differentiable'>;

/** The shape of a tfjs network of `p` without auxiliary heads, for checks made before weights load. */
export function netShape(p: Plan = makePlan()): NetShape {
  return { plan: p, tapShapes: tapShapes(p, []), differentiable: true };
}

export type Objective =
  | { kind: 'channel'; tap: string; channel: number; sign?: 1 | -1 } // mean of one channel of a tap
  | { kind: 'unit'; tap: string; channel: number; y: number; x: number } // one unit (at the 224x224 input's geometry)
  | { kind: 'logit'; classIndex: number } // pre-softmax class score
  | { kind: 'layer'; tap: string }; // mean square of a tap (DeepDream)

/** The last fully connected layer's name (`loss3/classifier`): its outputs are the logits. */
export function logitTap(net: NetShape): string {
  let name: string | undefined;
  for (const row of net.plan.rows)
    if (Array.isArray(row.block)) for (const l of row.block) if (l.layer.op === 'fc') name = l.layer.name;
  if (name === undefined) throw new Error('this plan has no fully connected layer');
  return name;
}

/** The tap an objective reads. */
export function objectiveTap(net: NetShape, o: Objective): string {
  return o.kind === 'logit' ? logitTap(net) : o.tap;
}

const isIndex = (v: unknown, n: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

/** Null when `o` can be computed on `net`, else one line saying what is wrong and what is valid. */
export function validateObjective(net: NetShape, o: Objective): string | null {
  if (!net.differentiable) return 'this engine has no gradients (use a tfjs network: WebGPU, WebGL, tfjs-wasm or cpu)';
  if (o.kind === 'logit') {
    const classes = net.tapShapes.get(logitTap(net))![2];
    return isIndex(o.classIndex, classes) ? null : `class ${String(o.classIndex)} is out of range: expected an integer from 0 to ${classes - 1}`;
  }
  const shape = net.tapShapes.get(o.tap);
  if (!shape) return `unknown layer "${o.tap}" (e.g. conv2/3x3, inception_4c/output, inception_4c/3x3)`;
  const [h, w, c] = shape;
  if (o.kind === 'layer') return null;
  if (!isIndex(o.channel, c)) return `channel ${String(o.channel)} is out of range for ${o.tap}: expected an integer from 0 to ${c - 1}`;
  if (o.kind === 'channel') return o.sign === undefined || o.sign === 1 || o.sign === -1 ? null : `sign must be 1 or -1, not ${String(o.sign)}`;
  if (!isIndex(o.y, h) || !isIndex(o.x, w)) return `unit (${String(o.y)}, ${String(o.x)}) is outside ${o.tap}: expected y from 0 to ${h - 1} and x from 0 to ${w - 1}`;
  return null;
}

/** Throws the refusal as an Error when `o` is invalid. */
export function checkObjective(net: NetShape, o: Objective): void {
  const problem = validateObjective(net, o);
  if (problem) throw new Error(problem);
}

/** The objective of an activation (the tap's value), averaged over the batch. */
export function objectiveOfTap(t: tf.Tensor4D, o: Objective): tf.Scalar {
  return tf.tidy(() => {
    switch (o.kind) {
      case 'channel': {
        const m = tf.mean(tf.slice(t, [0, 0, 0, o.channel], [-1, -1, -1, 1]));
        return (o.sign === -1 ? tf.neg(m) : m) as tf.Scalar;
      }
      case 'unit': {
        // Scaled to the tap's size when the input is not 224x224 (e.g. a 128x128 picture).
        const y = Math.min(t.shape[1] - 1, o.y);
        const x = Math.min(t.shape[2] - 1, o.x);
        return tf.mean(tf.slice(t, [0, y, x, o.channel], [-1, 1, 1, 1])) as tf.Scalar;
      }
      case 'logit':
        return tf.mean(tf.slice(tf.reshape(t, [t.shape[0], -1]), [0, o.classIndex], [-1, 1])) as tf.Scalar;
      case 'layer':
        return tf.mean(tf.square(t)) as tf.Scalar;
    }
  });
}

/**
 * The objective's value on a preprocessed input ([n, h, w, 3], BGR minus the mean); h and w may
 * differ from 224 except for a logit. Differentiable with respect to `input`.
 */
export function objectiveValue(net: GoogLeNet, input: tf.Tensor4D, o: Objective): tf.Scalar {
  checkObjective(net, o);
  const tap = objectiveTap(net, o);
  return tf.tidy(() => {
    const { taps } = net.forward(input, { taps: [tap], differentiable: true, stopAfterTaps: true, aux: false });
    return objectiveOfTap(taps[tap]!, o);
  });
}
