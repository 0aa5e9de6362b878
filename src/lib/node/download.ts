/**
 * Downloads the upstream caffemodel into a cache, verifying its SHA-1; the URL and checksum are
 * parameters so tests can point it at a local server. The upstream URL is plain http: the SHA-1
 * is what protects the file, and nothing unverified is ever kept. A partial or wrong file never
 * stays under the final name; each run writes its own `.part` file, removed when the run ends
 * however it ends (error, SIGINT, SIGTERM), and parts left by a killed run are removed by the
 * next. The download is bounded in time (an overall deadline, and a limit on silence) and in
 * size (no more bytes than a GoogLeNet caffemodel can hold).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bytes } from '../core/format';
import { MAX_CAFFEMODEL_BYTES } from '../engine/import-blobs';
import { sizeOf, weightSpecs } from '../engine/weight-spec';
import { REPO_ROOT } from './model-files';

/** From BVLC's models/bvlc_googlenet/readme.md. */
export const UPSTREAM = {
  url: 'http://dl.caffe.berkeleyvision.org/bvlc_googlenet.caffemodel',
  sha1: '405fc5acd08a3bb12de8ee5e23a96bec22f08204'
} as const;

/**
 * The most the upstream file can be: every weight of the network and its auxiliary heads as
 * float32, and 1 MiB for names, shapes and framing.
 */
export const UPSTREAM_MAX_BYTES = 4 * weightSpecs().reduce((n, s) => n + sizeOf(s.caffeShape), 0) + 1024 * 1024;

export const DOWNLOAD_CACHE = join(REPO_ROOT, 'node_modules/.cache/googlenet/bvlc_googlenet.caffemodel');

export class DownloadError extends Error {}

export interface DownloadOptions {
  readonly url?: string;
  readonly sha1?: string;
  readonly dest?: string;
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** Give up when no byte arrives for this long (default 30 s). */
  readonly idleMs?: number;
  /** Give up when the whole download takes longer than this (default 20 min). */
  readonly deadlineMs?: number;
  /** Refuse more bytes than this (default: UPSTREAM_MAX_BYTES for the upstream URL, else MAX_CAFFEMODEL_BYTES). */
  readonly maxBytes?: number;
}

const seconds = (ms: number) => `${Number((ms / 1000).toPrecision(3))} s`;

async function sha1Of(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function reason(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes `path` when the process exits or is signalled; returns the function that stops watching. */
function removedOnExit(path: string): () => void {
  const remove = () => rmSync(path, { force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    stop();
    // Nobody else listening: die of the signal, as the process would have without us.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const stop = () => {
    process.off('exit', remove);
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  process.on('exit', remove);
  for (const s of SIGNALS) process.on(s, onSignal);
  return stop;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `.part` files beside `dest` left by runs that are gone (and the one shared name of old). */
function removeStaleParts(dest: string): void {
  const name = basename(dest);
  const mine = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:(\\d+)-[0-9a-f]+\\.)?part$`);
  for (const f of readdirSync(dirname(dest))) {
    const m = mine.exec(f);
    if (m && (m[1] === undefined || !alive(Number(m[1])))) rmSync(join(dirname(dest), f), { force: true });
  }
}

/** Returns the path of the verified file (reused from the cache when it is already there). */
export async function downloadCaffemodel(options: DownloadOptions = {}): Promise<string> {
  const url = options.url ?? UPSTREAM.url;
  const sha1 = (options.sha1 ?? UPSTREAM.sha1).toLowerCase();
  const dest = options.dest ?? DOWNLOAD_CACHE;
  const idleMs = options.idleMs ?? 30_000;
  const deadlineMs = options.deadlineMs ?? 20 * 60_000;
  const maxBytes = options.maxBytes ?? (url === UPSTREAM.url ? UPSTREAM_MAX_BYTES : MAX_CAFFEMODEL_BYTES);
  if (existsSync(dest) && (await sha1Of(dest)) === sha1) return dest;
  mkdirSync(dirname(dest), { recursive: true });
  removeStaleParts(dest);
  const part = `${dest}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  const stopWatching = removedOnExit(part);
  const abort = new AbortController();
  let idle: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(new Error(`no data for ${seconds(idleMs)}`)), idleMs);
  };
  const deadline = setTimeout(() => abort.abort(new Error(`it did not finish within ${seconds(deadlineMs)}`)), deadlineMs);
  let received = 0;
  let total: number | undefined;
  try {
    touch();
    const response = await fetch(url, { signal: abort.signal }).catch((e: unknown) => {
      throw new DownloadError(`could not reach ${url} (${reason(e)})`);
    });
    if (!response.ok || !response.body) throw new DownloadError(`${url} answered HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length'));
    total = Number.isFinite(length) && length > 0 ? length : undefined;
    if (total !== undefined && total > maxBytes) {
      await response.body.cancel();
      throw new DownloadError(`${url} announces ${bytes(total)}, more than the ${bytes(maxBytes)} a GoogLeNet caffemodel can take; not downloaded`);
    }
    const hash = createHash('sha1');
    const out = createWriteStream(part);
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        touch();
        received += chunk.byteLength;
        if (received > (total ?? maxBytes))
          throw new DownloadError(
            `download of ${url} stopped at ${bytes(received)}: more than ${total !== undefined ? `the ${bytes(total)} it announced` : `the ${bytes(maxBytes)} a GoogLeNet caffemodel can take`}`
          );
        hash.update(chunk);
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
    const why = abort.signal.aborted ? reason(abort.signal.reason) : reason(e);
    throw new DownloadError(`download of ${url} failed after ${received}${of} bytes (${why})`);
  } finally {
    clearTimeout(idle);
    clearTimeout(deadline);
    rmSync(part, { force: true });
    stopWatching();
  }
}
