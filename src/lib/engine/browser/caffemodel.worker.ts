/**
 * Parses a dropped `.caffemodel` off the main thread (the upstream file is 53 MB of protobuf):
 * the engine's parser and importer, then the tfjs-layout weights handed back without copying.
 */
import { decodeCaffemodel } from '../caffemodel';
import { caffeSource, importBlobs } from '../import-blobs';
import { messageOf } from '../message';
import type { WorkerReply } from './import-caffemodel';

self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const net = decodeCaffemodel(new Uint8Array(event.data));
    const imported = importBlobs(caffeSource(net));
    const weights = imported.weights.map((w) => ({ name: w.name, shape: [...w.shape], data: w.data }));
    transfer = [...new Set(weights.map((w) => w.data.buffer as ArrayBuffer))];
    reply = { ok: true, weights, auxHeads: [...imported.auxHeads], netName: net.name };
  } catch (e) {
    reply = { ok: false, ...messageOf(e) };
  }
  (self as unknown as Worker).postMessage(reply, transfer);
};
