/**
 * GoogLeNet's kernels in AssemblyScript, compiled to WASM with SIMD (and shared memory, so that
 * worker threads can run them on the same tensors). There is no allocator here: the caller lays
 * out every tensor and passes byte offsets. See src/lib/simd/ for the program that drives them.
 */
export { gemm } from './gemm';
export { im2col } from './im2col';
export { maxpool, avgpool } from './pool';
export { lrn } from './lrn';
export { winogradInput, winogradOutput } from './winograd';
