/**
 * The backend a reader gets before choosing one: the fastest on this device. A GPU backend only
 * where it runs on a GPU: on a software renderer (SwiftShader, llvmpipe, Microsoft Basic Render:
 * a machine or virtual machine without a usable GPU) the same pass takes minutes where WASM on
 * the processor takes a fraction of a second. Pure, so it is tested in Node.
 */
import type { BackendName } from '../backend';
import { engineMessage, type EngineKey, type EngineMessage, type EngineParams } from '../message';
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
  /** One line for the reader: why this backend (English: `whyMessage.message`). */
  readonly why: string;
  /** The same line with its catalogue key, for the reader's edition. */
  readonly whyMessage: EngineMessage;
}

const LABEL: Readonly<Record<BackendName, string>> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

const chosen = (backend: BackendName, key: EngineKey, params?: EngineParams): DefaultBackend => {
  const whyMessage = engineMessage(key, params);
  return { backend, why: whyMessage.message, whyMessage };
};

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
  if (webgpu && !soft(webgpu))
    return webgpu.detail ? chosen('webgpu', 'engine.fastest.webgpuOn', { detail: webgpu.detail }) : chosen('webgpu', 'engine.fastest.webgpu');
  if (webgl && !soft(webgl)) return chosen('webgl', webgpu ? 'engine.fastest.webgl' : 'engine.fastest.webglNoWebgpu');
  const software = [webgpu, webgl].filter((s): s is BackendStatus => s !== undefined);
  if (software.length === 0) return wasm ? chosen('wasm', 'engine.fastest.noGpuWasm') : chosen('cpu', 'engine.fastest.nothing');
  const names = [...new Set(software.map((s) => softwareRenderer(s.detail)).filter((n): n is string => n !== null))];
  const using = LABEL[software[software.length - 1].name];
  const which: EngineParams = software.length > 1 ? { first: LABEL[software[0].name], second: LABEL[software[1].name] } : { backend: LABEL[software[0].name] };
  const renderers: EngineParams = names.length ? { renderers: names.join(', ') } : {};
  const key = (
    {
      '1-wasm': 'engine.fastest.softWasm',
      '1-named-wasm': 'engine.fastest.softNamedWasm',
      '2-wasm': 'engine.fastest.bothSoftWasm',
      '2-named-wasm': 'engine.fastest.bothSoftNamedWasm',
      '1-none': 'engine.fastest.softNoWasm',
      '1-named-none': 'engine.fastest.softNamedNoWasm',
      '2-none': 'engine.fastest.bothSoftNoWasm',
      '2-named-none': 'engine.fastest.bothSoftNamedNoWasm'
    } as const
  )[`${software.length > 1 ? 2 : 1}${names.length ? '-named' : ''}-${wasm ? 'wasm' : 'none'}` as const];
  return wasm ? chosen('wasm', key, { ...which, ...renderers }) : chosen(software[software.length - 1].name, key, { ...which, ...renderers, using });
}
