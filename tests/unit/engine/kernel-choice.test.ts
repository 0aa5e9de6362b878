import { describe, expect, it } from 'vitest';
import { chooseKernels, engineLabel } from '../../../src/lib/engine/browser/kernel-choice';

describe('which kernels a page runs', () => {
  it('threads only when the page is cross-origin isolated, at most 4', () => {
    expect(chooseKernels(true, 2)).toEqual({ variant: 'shared', threads: 2 });
    expect(chooseKernels(true, 16)).toEqual({ variant: 'shared', threads: 4 });
    expect(chooseKernels(true, undefined)).toEqual({ variant: 'shared', threads: 1 });
    expect(chooseKernels(false, 16)).toEqual({ variant: 'single', threads: 1 });
  });

  it('names the engine on WASM only', () => {
    expect(engineLabel('wasm', 2)).toBe('own SIMD kernels, 2 threads');
    expect(engineLabel('wasm', 1)).toBe('own SIMD kernels, 1 thread');
    expect(engineLabel('wasm', null)).toBe('tfjs');
    expect(engineLabel('webgl', null)).toBeNull();
  });
});
