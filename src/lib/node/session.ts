/**
 * Everything a Node command needs to classify: an engine, converted weights read from disk, and
 * the network built from the plan. Three engines:
 *   wasm       the project's own WASM SIMD kernels (src/kernels/), Winograd for 3x3 convs,
 *              threads = cores; tfjs only cuts and resizes the crops, on its WASM backend with
 *              one thread (its CPU backend takes 40-60 ms a crop for that);
 *   tfjs-wasm  tfjs's WASM backend (XNNPACK), threads through the shim in backend-node.ts;
 *   cpu        tfjs's plain JavaScript backend.
 * `close` frees the weights, the network's constants and its threads.
 */
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { createGoogLeNet, type GoogLeNet } from '../engine/googlenet';
import type { Precision } from '../engine/manifest';
import { createSimdGoogLeNet } from '../simd/googlenet-simd';
import { startNodeBackend } from './backend-node';
import { kernelModule, spawnHelper } from './kernels';
import { convertedPaths, MODEL_DIR, readConverted } from './model-files';

export type NodeEngine = 'wasm' | 'tfjs-wasm' | 'cpu';
export const NODE_ENGINES: readonly NodeEngine[] = ['wasm', 'tfjs-wasm', 'cpu'];

export interface EngineInfo {
  readonly backend: NodeEngine;
  /** Threads running the network (0 for CPU). */
  readonly threads: number;
}

export interface Session {
  readonly net: GoogLeNet;
  readonly labels: readonly string[];
  readonly backend: EngineInfo;
  readonly precision: Precision;
  close(): void;
}

export interface SessionOptions {
  readonly backend?: NodeEngine;
  readonly precision?: Precision;
  /** Threads for wasm and tfjs-wasm (default: the cores, at most 8). */
  readonly threads?: number;
  /** Folder holding float32/, float16/ and labels.json. */
  readonly modelDir?: string;
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const precision = options.precision ?? 'float32';
  const engine = options.backend ?? 'wasm';
  const threads = options.threads ?? Math.min(8, os.cpus().length);
  convertedPaths(precision, options.modelDir ?? MODEL_DIR); // fail on missing weights before starting anything
  const started = await startNodeBackend(engine === 'cpu' ? 'cpu' : 'wasm', engine === 'wasm' ? 1 : threads);
  const { weights, labels } = await readConverted(precision, options.modelDir ?? MODEL_DIR);
  if (engine !== 'wasm') {
    const net = createGoogLeNet(weights.tensors);
    const close = () => {
      net.dispose();
      tf.dispose(weights.tensors);
    };
    return { net, labels, backend: { backend: engine, threads: started.threads }, precision, close };
  }
  const module = await kernelModule();
  let net;
  try {
    const values = (name: string) => weights.tensors[name]?.dataSync() as Float32Array | undefined;
    net = createSimdGoogLeNet(module, values, { threads, spawn: spawnHelper });
  } finally {
    tf.dispose(weights.tensors); // the kernels hold their own packed copy
  }
  return { net, labels, backend: { backend: 'wasm', threads: net.threads }, precision, close: () => net.dispose() };
}
