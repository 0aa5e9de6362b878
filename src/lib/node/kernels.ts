/**
 * The WASM kernels (src/kernels/, AssemblyScript) for Node: compiled on first use with the
 * AssemblyScript compiler from node_modules, then cached under node_modules/.cache keyed by a
 * hash of the sources and flags, so they can never be stale and need no build step or binary in
 * the repository. Also starts the helper threads that share their memory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { HELPER_SOURCE, type HelperInit } from '../simd/team';
import { MAX_PAGES } from '../simd/googlenet-simd';
import { REPO_ROOT } from './model-files';

const SOURCE_DIR = join(REPO_ROOT, 'src/kernels');
const CACHE_DIR = join(REPO_ROOT, 'node_modules/.cache/googlenet-kernels');

export const KERNEL_FLAGS = [
  '-O3',
  '--runtime', 'stub',
  '--noAssert',
  '--enable', 'simd,threads',
  '--importMemory',
  '--sharedMemory',
  '--initialMemory', '1',
  '--maximumMemory', String(MAX_PAGES)
];

function sources(): { name: string; text: string }[] {
  return readdirSync(SOURCE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SOURCE_DIR, name), 'utf8') }));
}

async function build(): Promise<Uint8Array> {
  const asc = (await import('assemblyscript/asc')).default;
  let binary: Uint8Array | undefined;
  const errors: string[] = [];
  const result = await asc.main([join(SOURCE_DIR, 'index.ts'), ...KERNEL_FLAGS, '--outFile', 'kernels.wasm'], {
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm')) binary = contents as Uint8Array;
    },
    stdout: { write: () => true } as never,
    stderr: { write: (s: string | Uint8Array) => (errors.push(String(s)), true) } as never
  });
  if (result.error || !binary) throw new Error(`the WASM kernels did not compile: ${result.error?.message ?? ''} ${errors.join('').trim()}`);
  return binary;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** The compiled kernels (built once per source change, then read from the cache). */
export function kernelModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const hash = createHash('sha1');
    for (const s of sources()) hash.update(`${s.name}\0${s.text}\0`);
    hash.update(KERNEL_FLAGS.join(' '));
    hash.update(JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/assemblyscript/package.json'), 'utf8')).version);
    const file = join(CACHE_DIR, `${hash.digest('hex').slice(0, 16)}.wasm`);
    let bytes: Uint8Array;
    if (existsSync(file)) bytes = readFileSync(file);
    else {
      bytes = await build();
      mkdirSync(CACHE_DIR, { recursive: true });
      const temp = `${file}.${process.pid}`;
      writeFileSync(temp, bytes);
      renameSync(temp, file);
    }
    return WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  })();
  return compiled;
}

/** Starts one helper thread (worker_threads) running the kernels' helper loop. */
export function spawnHelper(init: HelperInit): Worker {
  const worker = new Worker(`${HELPER_SOURCE}\nhelperLoop(require('node:worker_threads').workerData);`, {
    eval: true,
    workerData: init,
    execArgv: []
  });
  worker.unref(); // a sleeping helper must not keep the process alive
  return worker;
}
