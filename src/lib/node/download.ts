/**
 * Downloads the upstream caffemodel into a cache, verifying its SHA-1; the URL and checksum are
 * parameters so tests can point it at a local server. A partial or wrong file never stays
 * under the final name.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './model-files';

/** From BVLC's models/bvlc_googlenet/readme.md. */
export const UPSTREAM = {
  url: 'http://dl.caffe.berkeleyvision.org/bvlc_googlenet.caffemodel',
  sha1: '405fc5acd08a3bb12de8ee5e23a96bec22f08204'
} as const;

export const DOWNLOAD_CACHE = join(REPO_ROOT, 'node_modules/.cache/googlenet/bvlc_googlenet.caffemodel');

export class DownloadError extends Error {}

export interface DownloadOptions {
  readonly url?: string;
  readonly sha1?: string;
  readonly dest?: string;
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** Give up when no byte arrives for this long. */
  readonly idleMs?: number;
}

async function sha1Of(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function reason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

/** Returns the path of the verified file (reused from the cache when it is already there). */
export async function downloadCaffemodel(options: DownloadOptions = {}): Promise<string> {
  const url = options.url ?? UPSTREAM.url;
  const sha1 = (options.sha1 ?? UPSTREAM.sha1).toLowerCase();
  const dest = options.dest ?? DOWNLOAD_CACHE;
  if (existsSync(dest) && (await sha1Of(dest)) === sha1) return dest;
  mkdirSync(dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error(`no data for ${(options.idleMs ?? 30_000) / 1000} s`)), options.idleMs ?? 30_000);
  };
  let received = 0;
  let total: number | undefined;
  try {
    touch();
    const response = await fetch(url, { signal: idle.signal }).catch((e: unknown) => {
      throw new DownloadError(`could not reach ${url} (${reason(e)})`);
    });
    if (!response.ok || !response.body) throw new DownloadError(`${url} answered HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length'));
    total = Number.isFinite(length) && length > 0 ? length : undefined;
    const hash = createHash('sha1');
    const out = createWriteStream(part);
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        touch();
        hash.update(chunk);
        received += chunk.byteLength;
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        options.onProgress?.(received, total);
      }
    } finally {
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
    if (total !== undefined && received !== total)
      throw new DownloadError(`download of ${url} stopped after ${received} of ${total} bytes`);
    const got = hash.digest('hex');
    if (got !== sha1) throw new DownloadError(`checksum mismatch for ${url}: sha1 ${got}, expected ${sha1}`);
    renameSync(part, dest);
    return dest;
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    const of = total !== undefined ? ` of ${total}` : '';
    throw new DownloadError(`download of ${url} failed after ${received}${of} bytes (${reason(e)})`);
  } finally {
    clearTimeout(timer);
    rmSync(part, { force: true });
  }
}
