/**
 * Fetches the converted weights (model.json + shards) with streamed progress, and keeps them in
 * Cache Storage so that a second visit reads them from disk. model.json is always asked of the
 * server (it is small); when it is unchanged, the shards come from the cache, otherwise the old
 * copies are dropped and the new ones downloaded. model.json goes into the cache last, so an
 * interrupted download is never mistaken for a complete one. The engine's loadWeights checks
 * every shard against the manifest.
 */
import { checkModelJson, loadWeightValues, type LoadedValues } from '../load-weights';
import { entryBytes, type ModelJson, type Precision } from '../manifest';
import { EngineError, engineMessage } from '../message';
import { yieldToPage } from './yield';

export const CACHE_NAME = 'googlenet-weights-v1';

/** The site has no converted weights (model.json answered 404). */
export class NoWeightsError extends EngineError {
  constructor(readonly url: string) {
    super(engineMessage('engine.weights.none', { url }));
  }
}

export interface FetchProgress {
  /** Bytes of shards read so far, from the network or the cache. */
  readonly loaded: number;
  readonly total: number;
  /** Bytes of those that came from Cache Storage. */
  readonly fromCache: number;
}

export interface FetchedWeights {
  readonly weights: LoadedValues;
  readonly modelUrl: string;
  /** True when every shard came from Cache Storage. */
  readonly cached: boolean;
}

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null; // e.g. storage blocked: work without a cache
  }
}

/** Reads a response body to the end, reporting each chunk's size. */
async function readBody(response: Response, onBytes: (n: number) => void): Promise<ArrayBuffer> {
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    onBytes(buffer.byteLength);
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onBytes(value.byteLength);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

async function fetchModelJson(url: string, cache: Cache | null): Promise<{ text: string; stale: string | null }> {
  const cachedText = (await cache?.match(url))?.text() ?? null;
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    // Offline: a complete cached copy still works.
    const stale = await cachedText;
    if (stale !== null) return { text: stale, stale };
    throw EngineError.of('engine.weights.fetchFailed', { url, error: (e as Error).message });
  }
  if (response.status === 404) throw new NoWeightsError(url);
  if (!response.ok) throw EngineError.of('engine.weights.http', { url, status: response.status, statusText: response.statusText });
  return { text: await response.text(), stale: await cachedText };
}

/** Loads one precision from `base` (e.g. `/models/googlenet/`) as plain float32 arrays (no tensors). */
export async function fetchWeights(
  base: string,
  precision: Precision,
  onProgress: (p: FetchProgress) => void = () => {}
): Promise<FetchedWeights> {
  const dir = new URL(`${precision}/`, new URL(base, globalThis.location.href)).href;
  const modelUrl = `${dir}model.json`;
  const cache = await openCache();
  const { text, stale } = await fetchModelJson(modelUrl, cache);
  let model: ModelJson;
  try {
    model = checkModelJson(JSON.parse(text), modelUrl);
  } catch (e) {
    throw e instanceof SyntaxError ? EngineError.of('engine.weights.badJson', { url: modelUrl }) : e;
  }
  if (cache && stale !== text) {
    // Another conversion (or none cached yet): drop this precision's old shards.
    for (const request of await cache.keys()) if (request.url.startsWith(dir)) await cache.delete(request);
  }
  const total = model.weightsManifest.flatMap((g) => g.weights).reduce((n, e) => n + entryBytes(e), 0);
  let loaded = 0;
  let fromCache = 0;
  const report = () => onProgress({ loaded: Math.min(loaded, total), total, fromCache });
  report();

  const readShard = async (path: string): Promise<ArrayBuffer> => {
    const url = new URL(path, dir).href;
    const hit = stale === text ? await cache?.match(url) : undefined;
    if (hit) {
      const buffer = await hit.arrayBuffer();
      loaded += buffer.byteLength;
      fromCache += buffer.byteLength;
      report();
      return buffer;
    }
    const response = await fetch(url);
    if (!response.ok) throw EngineError.of('engine.weights.http', { url, status: response.status, statusText: response.statusText });
    const buffer = await readBody(response, (n) => {
      loaded += n;
      report();
    });
    await cache?.put(url, new Response(buffer.slice(0), { headers: { 'Content-Type': 'application/octet-stream' } }));
    return buffer;
  };

  const weights = await loadWeightValues(model, readShard, modelUrl, undefined, yieldToPage);
  await cache?.put(modelUrl, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
  return { weights, modelUrl, cached: fromCache === total && total > 0 };
}

/** labels.json (1000 class names), or null when the site has none. */
export async function fetchLabels(base: string): Promise<string[] | null> {
  const url = new URL('labels.json', new URL(base, globalThis.location.href)).href;
  const cache = await openCache();
  let response: Response | undefined;
  try {
    response = await fetch(url, { cache: 'no-cache' });
    if (response.ok) await cache?.put(url, response.clone());
  } catch {
    response = await cache?.match(url);
  }
  if (!response?.ok) return null;
  const labels = (await response.json()) as unknown;
  return Array.isArray(labels) && labels.length === 1000 && labels.every((l) => typeof l === 'string') ? labels : null;
}

/** Whether this precision's complete set is in Cache Storage (for the page to say so). */
export async function isCached(base: string, precision: Precision): Promise<boolean> {
  const cache = await openCache();
  const url = new URL(`${precision}/model.json`, new URL(base, globalThis.location.href)).href;
  return Boolean(await cache?.match(url));
}

/** Forgets every cached weight file. */
export async function clearWeightsCache(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(CACHE_NAME);
}
