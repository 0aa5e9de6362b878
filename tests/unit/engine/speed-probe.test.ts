// The measured default: which devices get a test pass, what its timings decide and say, and how
// they are kept (fake timings: no backend runs here).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendStatus } from '../../../src/lib/engine/browser/backend-probe';
import { errorText } from '../../../src/lib/i18n/localized-error';
import { translate } from '../../../src/lib/i18n/translate';
import {
  decideByProbe,
  measuredDefault,
  parseStoredProbe,
  PROBE_STORAGE_KEY,
  probeCandidates,
  probeKey,
  type ProbeTiming
} from '../../../src/lib/engine/browser/speed-probe';

const status = (name: BackendStatus['name'], more: Partial<BackendStatus> = {}): BackendStatus => ({ name, label: name, available: true, ...more });
const gpu = status('webgpu', { detail: 'nvidia ampere', software: false });
const unknownGpu = status('webgpu');
const hardGl = status('webgl', { detail: 'WebGL 2, ANGLE (NVIDIA GeForce RTX 3060)', software: false });
const softGl = status('webgl', { detail: 'WebGL 2, ANGLE (SwiftShader Device)', software: true });
const softGpu = status('webgpu', { detail: 'google swiftshader', software: true });
const wasm = status('wasm', { detail: 'up to 2 threads' });
const cpu = status('cpu');
const hardware = [gpu, hardGl, wasm, cpu];

describe('which devices get a test pass', () => {
  it('a GPU backend that is not a known software renderer, against WASM', () => {
    expect(probeCandidates(hardware)).toEqual(['webgpu', 'wasm']);
    expect(probeCandidates([status('webgpu', { available: false }), hardGl, wasm, cpu])).toEqual(['webgl', 'wasm']);
    // An adapter that says nothing of itself, beside a WebGL that is not software either.
    expect(probeCandidates([unknownGpu, hardGl, wasm, cpu])).toEqual(['webgpu', 'wasm']);
  });

  it('none where the names decide: software renderers only, no GPU backend, or no WASM', () => {
    expect(probeCandidates([softGpu, softGl, wasm, cpu])).toBeNull();
    expect(probeCandidates([unknownGpu, softGl, wasm, cpu])).toBeNull();
    expect(probeCandidates([status('webgpu', { available: false }), status('webgl', { available: false }), wasm, cpu])).toBeNull();
    expect(probeCandidates([gpu, hardGl, status('wasm', { available: false }), cpu])).toBeNull();
  });
});

describe('what the timings decide', () => {
  it('the faster one, with the measured figures and ratio in the reason', () => {
    const slowGpu: ProbeTiming[] = [
      { backend: 'webgpu', ms: 38.4 },
      { backend: 'wasm', ms: 3.2 }
    ];
    expect(decideByProbe(hardware, slowGpu)).toMatchObject({
      backend: 'wasm',
      why: 'A short test pass here took 3.2 ms on WASM and 38.4 ms on WebGPU: using WASM, 12× faster than WebGPU.'
    });
    const fastGpu: ProbeTiming[] = [
      { backend: 'webgpu', ms: 0.8 },
      { backend: 'wasm', ms: 2.6 }
    ];
    expect(decideByProbe(hardware, fastGpu)).toMatchObject({
      backend: 'webgpu',
      why: 'A short test pass here took 0.8 ms on WebGPU and 2.6 ms on WASM: using WebGPU, 3.3× faster than WASM.'
    });
  });

  it('the reason reads in Korean from its key, with the same figures', () => {
    const choice = decideByProbe(hardware, [
      { backend: 'webgpu', ms: 38.4 },
      { backend: 'wasm', ms: 3.2 }
    ]);
    expect(choice.whyMessage).toMatchObject({ key: 'engine.probe.faster', message: choice.why });
    expect(errorText(choice.whyMessage, (k, p) => translate('ko', k, p))).toBe(
      '짧은 시험 실행이 WASM에서 3.2 ms, WebGPU에서 38.4 ms 걸렸다. WASM: WebGPU보다 12배 빨라서 이것을 쓴다.'
    );
    const tie = decideByProbe(hardware, [{ backend: 'webgpu', ms: 2 }, { backend: 'wasm', ms: 2.05 }]);
    expect(tie.whyMessage.key).toBe('engine.probe.asFast');
  });

  it('WASM on a tie; "as fast as" when within 5%', () => {
    expect(decideByProbe(hardware, [{ backend: 'webgpu', ms: 2 }, { backend: 'wasm', ms: 2 }]).backend).toBe('wasm');
    expect(decideByProbe(hardware, [{ backend: 'webgpu', ms: 2 }, { backend: 'wasm', ms: 2.05 }]).why).toMatch(/using WebGPU, as fast as WASM\.$/);
  });

  it('the names decide when a backend failed the test', () => {
    const failed: ProbeTiming[] = [
      { backend: 'webgpu', ms: null },
      { backend: 'wasm', ms: 3 }
    ];
    expect(decideByProbe(hardware, failed)).toMatchObject({ backend: 'webgpu', why: "WebGPU runs on this device's GPU (nvidia ampere)." });
  });
});

describe('kept once per device', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v)
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('tests once, then reads the stored timings while the backends report the same', async () => {
    const time = vi.fn(async (c: readonly string[]) => c.map((backend) => ({ backend, ms: backend === 'wasm' ? 4 : 40 })) as ProbeTiming[]);
    expect((await measuredDefault(hardware, time)).backend).toBe('wasm');
    expect((await measuredDefault(hardware, time)).backend).toBe('wasm');
    expect(time).toHaveBeenCalledTimes(1);
    // Another GPU: tested again.
    const other = [status('webgpu', { detail: 'amd rdna3', software: false }), hardGl, wasm, cpu];
    await measuredDefault(other, time);
    expect(time).toHaveBeenCalledTimes(2);
  });

  it('no test where the names decide; the names where the test throws', async () => {
    const time = vi.fn(async () => {
      throw new Error('no');
    });
    expect((await measuredDefault([softGpu, softGl, wasm, cpu], time)).backend).toBe('wasm');
    expect(time).not.toHaveBeenCalled();
    expect((await measuredDefault(hardware, time)).backend).toBe('webgpu');
    expect(store.has(PROBE_STORAGE_KEY)).toBe(false);
  });

  it('stored timings are read leniently: another key, bad JSON or foreign entries count as none', () => {
    const key = probeKey(hardware, ['webgpu', 'wasm']);
    const good = JSON.stringify({ key, timings: [{ backend: 'webgpu', ms: 1 }, { backend: 'wasm', ms: null }] });
    expect(parseStoredProbe(good, key)).toEqual([{ backend: 'webgpu', ms: 1 }, { backend: 'wasm', ms: null }]);
    expect(parseStoredProbe(good, 'other')).toBeNull();
    expect(parseStoredProbe('{', key)).toBeNull();
    expect(parseStoredProbe(null, key)).toBeNull();
    expect(parseStoredProbe(JSON.stringify({ key, timings: [{ backend: 'cpu', ms: 1 }] }), key)).toBeNull();
    expect(parseStoredProbe(JSON.stringify({ key, timings: [{ backend: 'wasm', ms: '1' }] }), key)).toBeNull();
  });
});
