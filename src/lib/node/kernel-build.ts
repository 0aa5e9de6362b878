/**
 * Builds the WASM kernels (src/kernels/, AssemblyScript) with the AssemblyScript compiler from
 * node_modules, cached under node_modules/.cache keyed by a hash of the sources, flags and
 * compiler version, so a binary can never be stale and none is kept in the repository. Node
 * (./kernels.ts) and the site's build (scripts/vite-kernels.mjs) share it; it imports nothing
 * from the app, so that Vite's config can load it as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const KERNEL_SOURCE_DIR = join(REPO_ROOT, 'src/kernels');
const CACHE_DIR = join(REPO_ROOT, 'node_modules/.cache/googlenet-kernels');

/** The most memory the kernels declare (2 GiB in 64 KiB pages); the same as MAX_PAGES in simd/team.ts (a unit test checks). */
export const KERNEL_MAX_PAGES = 32768;

/** `shared`: threads over an imported shared memory; `single`: a plain memory, for pages that are not cross-origin isolated. */
export type KernelVariant = 'shared' | 'single';

const COMMON_FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '--initialMemory', '1', '--maximumMemory', String(KERNEL_MAX_PAGES)];

export const KERNEL_FLAGS: Readonly<Record<KernelVariant, readonly string[]>> = {
  shared: [...COMMON_FLAGS, '--enable', 'simd,threads', '--sharedMemory'],
  single: [...COMMON_FLAGS, '--enable', 'simd']
};

/** The kernels' source files, in a stable order. */
export function kernelSources(): { name: string; text: string }[] {
  return readdirSync(KERNEL_SOURCE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(KERNEL_SOURCE_DIR, name), 'utf8') }));
}

async function compileKernels(variant: KernelVariant): Promise<Uint8Array> {
  const asc = (await import('assemblyscript/asc')).default;
  let binary: Uint8Array | undefined;
  const errors: string[] = [];
  const result = await asc.main([join(KERNEL_SOURCE_DIR, 'index.ts'), ...KERNEL_FLAGS[variant], '--outFile', 'kernels.wasm'], {
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm')) binary = contents as Uint8Array;
    },
    stdout: { write: () => true } as never,
    stderr: { write: (s: string | Uint8Array) => (errors.push(String(s)), true) } as never
  });
  if (result.error || !binary) throw new Error(`the WASM kernels did not compile: ${result.error?.message ?? ''} ${errors.join('').trim()}`);
  return binary;
}

/**
 * The kernels' binary: built once per change of the sources, flags or compiler, then read from
 * the cache (a cache that cannot be written only costs the next run a build). `onBuild` hears
 * when a build starts (about 10 s on a 2-core machine).
 */
export async function buildKernels(variant: KernelVariant, onBuild?: () => void): Promise<Uint8Array> {
  const hash = createHash('sha1');
  for (const s of kernelSources()) hash.update(`${s.name}\0${s.text}\0`);
  hash.update(KERNEL_FLAGS[variant].join(' '));
  hash.update(JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/assemblyscript/package.json'), 'utf8')).version);
  const file = join(CACHE_DIR, `${hash.digest('hex').slice(0, 16)}.wasm`);
  if (existsSync(file)) return readFileSync(file);
  onBuild?.();
  const bytes = await compileKernels(variant);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${file}.${process.pid}`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch {
    // A read-only node_modules: fine, the next run builds again.
  }
  return bytes;
}
