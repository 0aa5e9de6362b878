/**
 * Everything a Node command needs to classify: a started backend, converted weights read from
 * disk, and the network built from the plan. `close` frees the weights
 * (and the network's own constants).
 */
import * as tf from '@tensorflow/tfjs';
import { createGoogLeNet, type GoogLeNet } from '../engine/googlenet';
import type { Precision } from '../engine/manifest';
import { startNodeBackend, type NodeBackend, type NodeBackendInfo } from './backend-node';
import { convertedPaths, MODEL_DIR, readConverted } from './model-files';

export interface Session {
  readonly net: GoogLeNet;
  readonly labels: readonly string[];
  readonly backend: NodeBackendInfo;
  readonly precision: Precision;
  close(): void;
}

export interface SessionOptions {
  readonly backend?: NodeBackend;
  readonly precision?: Precision;
  readonly threads?: number;
  /** Folder holding float32/, float16/ and labels.json. */
  readonly modelDir?: string;
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const precision = options.precision ?? 'float32';
  convertedPaths(precision, options.modelDir ?? MODEL_DIR); // fail on missing weights before starting a backend
  const backend = await startNodeBackend(options.backend ?? 'wasm', options.threads);
  const { weights, labels } = await readConverted(precision, options.modelDir ?? MODEL_DIR);
  const net = createGoogLeNet(weights.tensors);
  const close = () => {
    net.dispose();
    tf.dispose(weights.tensors);
  };
  return { net, labels, backend, precision, close };
}
