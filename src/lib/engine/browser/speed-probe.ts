/**
 * Where the default backend is not obvious from what the browser says (a GPU backend that is not
 * a known software renderer: a real GPU, or one that says nothing of itself), a short measured
 * test decides it: the same small pass on the GPU backend the names would pick and on WASM, the
 * faster one wins, and the reason line gives the measured ratio. The timings are kept in
 * localStorage, keyed by what the backends reported, so a device is tested once, not per visit.
 * Pure apart from the storage (which may be missing or blocked); the pass itself is
 * speed-probe-run.ts.
 */
import { fixed, millis } from '../../core/format';
import type { BackendName } from '../backend';
import { engineMessage } from '../message';
import type { BackendStatus } from './backend-probe';
import { fastestBackend, type DefaultBackend } from './default-backend';

/** One backend's time for the test pass (ms; null when it failed or did not finish in time). */
export interface ProbeTiming {
  readonly backend: BackendName;
  readonly ms: number | null;
}

const LABEL: Readonly<Record<BackendName, string>> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/**
 * The backends to time, or null when the names decide: a GPU backend on a known software
 * renderer, or none at all, loses to WASM without a test; no WASM leaves nothing to compare.
 */
export function probeCandidates(statuses: readonly BackendStatus[]): BackendName[] | null {
  const named = fastestBackend(statuses).backend;
  const wasm = statuses.some((s) => s.name === 'wasm' && s.available);
  return (named === 'webgpu' || named === 'webgl') && wasm ? [named, 'wasm'] : null;
}

/**
 * The default from the test's timings: the faster of those that ran (WASM on a tie, it starts
 * without compiling shaders). The names' choice stands when fewer than two timings came back.
 */
export function decideByProbe(statuses: readonly BackendStatus[], timings: readonly ProbeTiming[]): DefaultBackend {
  const named = fastestBackend(statuses);
  const ran = timings.filter((t): t is ProbeTiming & { ms: number } => t.ms !== null && Number.isFinite(t.ms) && t.ms > 0);
  if (ran.length < 2) return named;
  const [best, next] = [...ran].sort((a, b) => a.ms - b.ms || (a.backend === 'wasm' ? -1 : b.backend === 'wasm' ? 1 : 0)) as [ProbeTiming & { ms: number }, ProbeTiming & { ms: number }];
  const ratio = next.ms / best.ms;
  const params = { bestMs: millis(best.ms), best: LABEL[best.backend], nextMs: millis(next.ms), next: LABEL[next.backend] };
  const whyMessage =
    ratio >= 1.05
      ? engineMessage('engine.probe.faster', { ...params, ratio: fixed(ratio, ratio >= 10 ? 0 : 1) })
      : engineMessage('engine.probe.asFast', params);
  return { backend: best.backend, why: whyMessage.message, whyMessage };
}

export const PROBE_STORAGE_KEY = 'inception:backend-probe';

/** What the timings depend on: the candidates and what each backend said of itself. */
export function probeKey(statuses: readonly BackendStatus[], candidates: readonly BackendName[]): string {
  return candidates.map((c) => `${c}:${statuses.find((s) => s.name === c)?.detail ?? ''}`).join('|');
}

/** Stored timings for `key`, read leniently (anything else: none). */
export function parseStoredProbe(raw: string | null, key: string): ProbeTiming[] | null {
  try {
    const json = raw === null ? null : (JSON.parse(raw) as { key?: unknown; timings?: unknown });
    if (!json || json.key !== key || !Array.isArray(json.timings)) return null;
    const timings = json.timings.filter(
      (t): t is ProbeTiming =>
        t !== null && typeof t === 'object' && typeof t.backend === 'string' && (t.ms === null || typeof t.ms === 'number') && key.includes(`${t.backend}:`)
    );
    return timings.length === json.timings.length && timings.length > 0 ? timings : null;
  } catch {
    return null;
  }
}

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

/**
 * The default backend for this device: the names' choice, or where they leave it open, the
 * test's (run by `time` once per device and kept).
 */
export async function measuredDefault(
  statuses: readonly BackendStatus[],
  time: (candidates: readonly BackendName[]) => Promise<ProbeTiming[]>
): Promise<DefaultBackend> {
  const candidates = probeCandidates(statuses);
  if (!candidates) return fastestBackend(statuses);
  const key = probeKey(statuses, candidates);
  let timings: ProbeTiming[] | null = null;
  try {
    timings = parseStoredProbe(storage()?.getItem(PROBE_STORAGE_KEY) ?? null, key);
  } catch {
    timings = null;
  }
  if (!timings) {
    try {
      timings = await time(candidates);
    } catch {
      return fastestBackend(statuses);
    }
    try {
      storage()?.setItem(PROBE_STORAGE_KEY, JSON.stringify({ key, timings }));
    } catch {
      // Storage full or blocked: the next visit tests again.
    }
  }
  return decideByProbe(statuses, timings);
}
