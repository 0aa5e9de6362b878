import { describe, expect, it } from 'vitest';
import { chooseKernels, engineLabel } from '../../../src/lib/engine/browser/kernel-choice';

describe('which kernels a page runs', () => {
  it('threads only when the page is cross-origin isolated, at most 4; the page computes too on 2 cores or fewer', () => {
    expect(chooseKernels(true, 2)).toEqual({ variant: 'shared', threads: 2, offThread: false });
    expect(chooseKernels(true, 3)).toEqual({ variant: 'shared', threads: 2, offThread: true });
    expect(chooseKernels(true, 8)).toEqual({ variant: 'shared', threads: 4, offThread: true });
    expect(chooseKernels(true, 16)).toEqual({ variant: 'shared', threads: 4, offThread: true });
    expect(chooseKernels(true, undefined)).toEqual({ variant: 'shared', threads: 1, offThread: false });
    expect(chooseKernels(false, 16)).toEqual({ variant: 'single', threads: 1, offThread: false });
  });

  it('names the engine on WASM only', () => {
    expect(engineLabel('wasm', 2)).toBe('own SIMD kernels, 2 threads');
    expect(engineLabel('wasm', 1)).toBe('own SIMD kernels, 1 thread');
    expect(engineLabel('wasm', null)).toBe('tfjs');
    expect(engineLabel('webgl', null)).toBeNull();
  });
});
