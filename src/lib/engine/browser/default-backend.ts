/**
 * The backend a reader gets before choosing one: the fastest on this device. A GPU backend only
 * where it runs on a GPU: on a software renderer (SwiftShader, llvmpipe, Microsoft Basic Render:
 * a machine or virtual machine without a usable GPU) the same pass takes minutes where WASM on
 * the processor takes a fraction of a second. Pure, so it is tested in Node.
 */
import type { BackendName } from '../backend';
import type { BackendStatus } from './backend-probe';

/** Software renderers as browsers name them, with the name the page shows. */
const SOFTWARE: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/softpipe/i, 'softpipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
  [/software (rasterizer|renderer|adapter)/i, 'a software rasterizer']
];

/** The software renderer `text` (an adapter's info, a WebGL renderer string) names, or null. */
export function softwareRenderer(text: string | undefined): string | null {
  return SOFTWARE.find(([re]) => re.test(text ?? ''))?.[1] ?? null;
}

export const isSoftwareRenderer = (text: string | undefined): boolean => softwareRenderer(text) !== null;

export interface DefaultBackend {
  readonly backend: BackendName;
  /** One line for the reader: why this backend. */
  readonly why: string;
}

const LABEL: Readonly<Record<BackendName, string>> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/**
 * The fastest available backend: WebGPU or WebGL on a real GPU, else WASM, else a software GPU
 * backend, else CPU. A WebGPU adapter that says nothing of itself is taken for a software one
 * where WebGL, on the same machine, is one.
 */
export function fastestBackend(statuses: readonly BackendStatus[]): DefaultBackend {
  const get = (name: BackendName) => statuses.find((s) => s.name === name && s.available);
  const webgpu = get('webgpu');
  const webgl = get('webgl');
  const wasm = get('wasm');
  const soft = (s: BackendStatus) => s.software === true || (s.name === 'webgpu' && !s.detail && webgl?.software === true);
  if (webgpu && !soft(webgpu)) return { backend: 'webgpu', why: `WebGPU runs on this device's GPU${webgpu.detail ? ` (${webgpu.detail})` : ''}.` };
  if (webgl && !soft(webgl)) return { backend: 'webgl', why: `WebGL runs on this device's GPU${webgpu ? '' : ' (WebGPU is not available)'}.` };
  const software = [webgpu, webgl].filter((s): s is BackendStatus => s !== undefined);
  const names = [...new Set(software.map((s) => softwareRenderer(s.detail)).filter((n): n is string => n !== null))];
  const which = software.map((s) => LABEL[s.name]).join(' and ');
  const what =
    software.length === 0
      ? 'No GPU backend here'
      : `${which} here ${software.length > 1 ? 'are software renderers' : 'is a software renderer'}${names.length ? ` (${names.join(', ')})` : ''}, not a GPU`;
  if (wasm) return { backend: 'wasm', why: `${what}: using WASM on the processor, the fastest here.` };
  const fallback = software[software.length - 1];
  if (fallback) return { backend: fallback.name, why: `${what}, and WASM is not available: using ${LABEL[fallback.name]}.` };
  return { backend: 'cpu', why: 'No GPU backend and no WebAssembly here: using plain JavaScript, the slowest.' };
}
