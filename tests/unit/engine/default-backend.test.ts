import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../src/lib/engine/browser/backend-probe';
import { fastestBackend, softwareRenderer } from '../../../src/lib/engine/browser/default-backend';

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
    expect(choice).toEqual({ backend: 'webgl', why: "WebGL runs on this device's GPU (WebGPU is not available)." });
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
