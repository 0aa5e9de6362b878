import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../src/lib/engine/browser/backend-probe';
import { fastestBackend, softwareRenderer } from '../../../src/lib/engine/browser/default-backend';
import { errorText } from '../../../src/lib/i18n/localized-error';
import { translate } from '../../../src/lib/i18n/translate';

const status = (name: BackendStatus['name'], more: Partial<BackendStatus> = {}): BackendStatus => ({
  name,
  label: name,
  available: true,
  ...more
});
const swiftshaderGl = status('webgl', { detail: 'WebGL 2, ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)', software: true });
const wasm = status('wasm', { detail: 'up to 2 threads' });
const cpu = status('cpu');

describe('the software renderers browsers report', () => {
  it('names SwiftShader, llvmpipe and Microsoft Basic Render; not a real GPU', () => {
    expect(softwareRenderer('google swiftshader')).toBe('SwiftShader');
    expect(softwareRenderer('WebGL 2, Mesa llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe('Microsoft Basic Render Driver');
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBeNull();
    expect(softwareRenderer(undefined)).toBeNull();
  });
});

describe('the backend a reader gets by default', () => {
  it('WASM where WebGPU and WebGL are software renderers, and says so', () => {
    const choice = fastestBackend([status('webgpu', { detail: 'google swiftshader', software: true }), swiftshaderGl, wasm, cpu]);
    expect(choice.backend).toBe('wasm');
    expect(choice.why).toBe('WebGPU and WebGL here are software renderers (SwiftShader), not a GPU: using WASM on the processor, the fastest here.');
  });

  it('a WebGPU adapter that says nothing of itself is software where WebGL is', () => {
    expect(fastestBackend([status('webgpu'), swiftshaderGl, wasm, cpu]).backend).toBe('wasm');
  });

  it('a real GPU: WebGPU first, then WebGL', () => {
    const gl = status('webgl', { detail: 'WebGL 2, ANGLE (NVIDIA GeForce RTX 3060)', software: false });
    expect(fastestBackend([status('webgpu', { detail: 'nvidia ampere', software: false }), gl, wasm, cpu]).backend).toBe('webgpu');
    const noGpu = status('webgpu', { available: false, reason: 'no adapter' });
    const choice = fastestBackend([noGpu, gl, wasm, cpu]);
    expect(choice).toMatchObject({ backend: 'webgl', why: "WebGL runs on this device's GPU (WebGPU is not available)." });
    // A software WebGPU beside a hardware WebGL: WebGL.
    expect(fastestBackend([status('webgpu', { software: true, detail: 'google swiftshader' }), gl, wasm, cpu]).backend).toBe('webgl');
  });

  it('without WASM, a software GPU backend before CPU; with nothing else, CPU', () => {
    const noWasm = status('wasm', { available: false });
    expect(fastestBackend([status('webgpu', { available: false }), swiftshaderGl, noWasm, cpu]).backend).toBe('webgl');
    expect(fastestBackend([status('webgpu', { available: false }), status('webgl', { available: false }), noWasm, cpu]).backend).toBe('cpu');
    expect(fastestBackend([status('webgpu', { available: false }), status('webgl', { available: false }), wasm, cpu]).why).toBe(
      'No GPU backend here: using WASM on the processor, the fastest here.'
    );
  });
});

describe('the reason in the reader’s edition', () => {
  const noWasm = status('wasm', { available: false });
  const gone = (name: BackendStatus['name']) => status(name, { available: false });
  const plainGl = status('webgl', { detail: 'WebGL 2, ANGLE (a GPU that names no software)', software: true });
  const cases: [BackendStatus[], string][] = [
    [[status('webgpu', { detail: 'nvidia ampere', software: false }), wasm], "WebGPU runs on this device's GPU (nvidia ampere)."],
    [[status('webgpu', { software: false }), status('webgl', { software: false }), wasm], "WebGPU runs on this device's GPU."],
    [[status('webgpu', { software: true, detail: 'google swiftshader' }), status('webgl', { software: false }), wasm], "WebGL runs on this device's GPU."],
    [[gone('webgpu'), swiftshaderGl, wasm, cpu], 'WebGL here is a software renderer (SwiftShader), not a GPU: using WASM on the processor, the fastest here.'],
    [[gone('webgpu'), plainGl, wasm, cpu], 'WebGL here is a software renderer, not a GPU: using WASM on the processor, the fastest here.'],
    [[status('webgpu', { software: true }), plainGl, wasm], 'WebGPU and WebGL here are software renderers, not a GPU: using WASM on the processor, the fastest here.'],
    [[gone('webgpu'), swiftshaderGl, noWasm, cpu], 'WebGL here is a software renderer (SwiftShader), not a GPU, and WASM is not available: using WebGL.'],
    [[gone('webgpu'), plainGl, noWasm, cpu], 'WebGL here is a software renderer, not a GPU, and WASM is not available: using WebGL.'],
    [
      [status('webgpu', { software: true, detail: 'google swiftshader' }), swiftshaderGl, noWasm, cpu],
      'WebGPU and WebGL here are software renderers (SwiftShader), not a GPU, and WASM is not available: using WebGL.'
    ],
    [[status('webgpu', { software: true }), plainGl, noWasm, cpu], 'WebGPU and WebGL here are software renderers, not a GPU, and WASM is not available: using WebGL.'],
    [[gone('webgpu'), gone('webgl'), noWasm, cpu], 'No GPU backend and no WebAssembly here: using plain JavaScript, the slowest.']
  ];

  it('keeps its English word for word and carries a key that reads in Korean with every placeholder filled', () => {
    for (const [statuses, english] of cases) {
      const choice = fastestBackend(statuses);
      expect(choice.why).toBe(english);
      expect(choice.whyMessage.message).toBe(english);
      expect(errorText(choice.whyMessage, (k, p) => translate('en', k, p))).toBe(english);
      const korean = errorText(choice.whyMessage, (k, p) => translate('ko', k, p));
      expect(korean).toMatch(/[가-힣]/);
      expect(korean).not.toMatch(/\{\w+\}/);
    }
    expect(errorText(fastestBackend(cases[3][0]).whyMessage, (k, p) => translate('ko', k, p))).toBe(
      '여기서 WebGL: GPU가 아니라 소프트웨어 렌더러(SwiftShader)다. 프로세서에서 WASM을 쓴다. 여기서 가장 빠르다.'
    );
  });
});
