// The gradient client with a fake worker: a worker that errors, dies silently or fails outside a
// job must end every outstanding job and memory question (an e2e run once waited forever).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGradientClient, GradientStopped, type WorkerLike } from '$lib/engine/browser/gradient-client';
import type { FromWorker, ToWorker } from '$lib/engine/browser/gradient-protocol';
import { DEFAULT_FEATURE_VIS } from '$lib/engine/gradients/feature-vis';
import { EngineError } from '$lib/engine/message';

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  readonly received: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

function setup(silenceMs = 60_000) {
  const workers: FakeWorker[] = [];
  const client = createGradientClient({
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    silenceMs
  });
  return { client, workers };
}

const objective = { kind: 'channel', tap: 'inception_4c/output', channel: 7 } as const;
// Fake timers: the silence bound is tested by the clock, not by how fast a loaded machine runs.
const settle = () => vi.advanceTimersByTimeAsync(0);
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => e
  );

describe('gradient client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a worker error rejects every pending job and memory question, and the next job gets a fresh worker', async () => {
    const { client, workers } = setup();
    const a = outcome(client.featureVis(objective, DEFAULT_FEATURE_VIS, () => {}).result);
    const b = outcome(client.featureVis({ ...objective, channel: 8 }, DEFAULT_FEATURE_VIS, () => {}).result);
    await settle();
    const m = outcome(client.memory());
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.filter((r) => r.type === 'job')).toHaveLength(2);
    workers[0]!.crash('e is not defined');
    for (const e of [await a, await b, await m]) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).key).toBe('engine.grad.workerFailed');
      expect((e as Error).message).toBe('the gradient worker failed: e is not defined');
    }
    expect(workers[0]!.terminated).toBe(true);
    const c = client.featureVis(objective, DEFAULT_FEATURE_VIS, () => {});
    await settle();
    expect(workers).toHaveLength(2);
    const job = workers[1]!.received.find((r) => r.type === 'job')!;
    workers[1]!.send({ type: 'done', id: job.id, result: [] });
    await expect(c.result).resolves.toEqual([]);
  });

  it('a failure the worker reports outside any job (fatal) or an unreadable message rejects the pending jobs', async () => {
    const { client, workers } = setup();
    const a = outcome(client.featureVis(objective, DEFAULT_FEATURE_VIS, () => {}).result);
    await settle();
    workers[0]!.send({ type: 'fatal', message: 'out of memory' });
    expect(((await a) as Error).message).toBe('the gradient worker failed: out of memory');
    const b = outcome(client.featureVis(objective, DEFAULT_FEATURE_VIS, () => {}).result);
    await settle();
    workers[1]!.onmessageerror?.({} as MessageEvent);
    expect((await b) as EngineError).toMatchObject({ key: 'engine.grad.workerUnreadable' });
  });

  it('a worker that goes silent with jobs outstanding is ended after the bound; progress keeps it alive', async () => {
    const { client, workers } = setup(80);
    const steps: number[] = [];
    const a = outcome(client.featureVis(objective, DEFAULT_FEATURE_VIS, (p) => steps.push(p.step)).result);
    await settle();
    const id = workers[0]!.received.find((r) => r.type === 'job')!.id;
    // Progress every 40 ms for 200 ms: more than twice the bound in all, never silent for 80 ms.
    for (let step = 1; step <= 5; step++) {
      await wait(40);
      workers[0]!.send({ type: 'progress', id, progress: { kind: 'featureVis', step, steps: 10, value: step, images: null } });
    }
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    expect(workers[0]!.terminated).toBe(false);
    await wait(80);
    const e = (await a) as EngineError;
    expect(e.key).toBe('engine.grad.workerSilent');
    expect(e.message).toMatch(/stopped answering/);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a silent worker also ends a memory question; with nothing outstanding no timer runs', async () => {
    const { client, workers } = setup(50);
    const m = outcome(client.memory());
    await wait(50);
    expect(((await m) as EngineError).key).toBe('engine.grad.workerSilent');
    // An idle worker is not ended for being quiet.
    const job = client.featureVis(objective, DEFAULT_FEATURE_VIS, () => {});
    await settle();
    const id = workers[1]!.received.find((r) => r.type === 'job')!.id;
    workers[1]!.send({ type: 'done', id, result: [] });
    await job.result;
    await wait(120);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('dispose rejects what is pending as stopped', async () => {
    const { client } = setup();
    const a = outcome(client.featureVis(objective, DEFAULT_FEATURE_VIS, () => {}).result);
    await settle();
    client.dispose();
    expect(await a).toBeInstanceOf(GradientStopped);
  });
});
