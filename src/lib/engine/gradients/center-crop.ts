/** A photo as the attribution methods see it: shorter side scaled to 224, the centre cut out. */
import * as tf from '@tensorflow/tfjs';
import type { GoogLeNet } from '../googlenet';
import { rgbaImage, rgbTensor, toInput, type RgbaImage } from './image';

/** The centre crop (RGBA, for drawing) and the network's input made from it ([1, 224, 224, 3]). */
export function centerCrop(net: GoogLeNet, photo: RgbaImage): { crop: RgbaImage; input: tf.Tensor4D } {
  const [side] = net.plan.network.input;
  const rgb = tf.tidy(() => {
    const x = rgbTensor(photo);
    const f = side / Math.min(photo.width, photo.height);
    const h = Math.max(side, Math.round(photo.height * f));
    const w = Math.max(side, Math.round(photo.width * f));
    const resized = tf.image.resizeBilinear(x, [h, w], false, true);
    return tf.clipByValue(tf.slice(resized, [0, Math.floor((h - side) / 2), Math.floor((w - side) / 2), 0], [1, side, side, 3]), 0, 255) as tf.Tensor4D;
  });
  try {
    return { crop: rgbaImage(rgb), input: toInput(net, rgb) };
  } finally {
    rgb.dispose();
  }
}
