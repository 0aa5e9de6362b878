/** The gradient of an objective with respect to the network's input, on whatever tfjs backend runs. */
import * as tf from '@tensorflow/tfjs';
import type { GoogLeNet } from '../googlenet';
import { checkObjective, objectiveValue, type Objective } from './objective';

/** Value and d objective / d input (same shape as `input`; the caller disposes `grad`). */
export function inputGradient(net: GoogLeNet, input: tf.Tensor4D, o: Objective): { value: number; grad: tf.Tensor4D } {
  checkObjective(net, o);
  const { value, grad } = tf.tidy(() => tf.valueAndGrad((x: tf.Tensor4D) => objectiveValue(net, x, o))(input));
  const v = value.dataSync()[0]!;
  value.dispose();
  return { value: v, grad: grad as tf.Tensor4D };
}
