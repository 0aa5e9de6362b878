import * as tf from '@tensorflow/tfjs';
import { plan } from './src/lib/core/plan';
import { createGoogLeNet } from './src/lib/engine/googlenet';
import { weightSpecs } from './src/lib/engine/weight-spec';
import { random } from './tests/unit/simd/helpers';
import { TINY, weightsFor } from './tests/unit/simd/tiny-plan';
await tf.setBackend('cpu');
const p = plan({}, TINY);
const values = weightsFor(p);
const named = Object.fromEntries(weightSpecs(p).map((s) => [s.name, tf.tensor(values.get(s.name)!, s.shape as number[])]));
const net = createGoogLeNet(named, p);
const x = tf.tensor4d(random(7, 38 * 38 * 3, 5), [1, 38, 38, 3]);
for (const tap of ['c1', 'p1', 'n1', 'c2', 'inception_t/3x3_reduce', 'inception_t/3x3', 'inception_t/1x1', 'inception_t/pool_proj']) {
  const f = (d: boolean) => (xx: tf.Tensor) => tf.mean(net.forward(xx as tf.Tensor4D, { taps: [tap], differentiable: d, stopAfterTaps: true }).taps[tap]!) as tf.Scalar;
  const a = tf.grad(f(true))(x), b = tf.grad(f(false))(x);
  const fa = net.forward(x, { taps: [tap], differentiable: true, stopAfterTaps: true }).taps[tap]!, fb = net.forward(x, { taps: [tap] }).taps[tap]!;
  console.log(tap, 'grad diff', tf.max(tf.abs(tf.sub(a, b))).dataSync()[0], 'max', tf.max(tf.abs(b)).dataSync()[0], 'fwd diff', tf.max(tf.abs(tf.sub(fa, fb))).dataSync()[0]);
}
