/**
 * What each tfjs backend can do in this browser, found without starting tfjs: WebGPU needs an
 * adapter, WebGL a context, WASM WebAssembly (threads only in a cross-origin isolated page).
 * A backend that is missing comes with the reason, for the page to show beside the switch.
 */
import { BACKEND_ORDER, type BackendName } from '../backend';
import { engineMessage, type EngineMessage } from '../message';
import { isSoftwareRenderer } from './default-backend';

export interface BackendStatus {
  readonly name: BackendName;
  readonly label: string;
  readonly available: boolean;
  /** Why it is not available (or why it stopped working). */
  readonly reason?: string;
  /** `reason` with its catalogue key, for the reader's edition. */
  readonly reasonMessage?: EngineMessage;
  /** What it runs on: the GPU adapter, the WebGL renderer, the WASM threads. */
  readonly detail?: string;
  /** `detail` with its catalogue key where it is the page's own words (WASM's threads, CPU); absent for a GPU's name. */
  readonly detailMessage?: EngineMessage;
  /** A GPU backend that runs on a software renderer (SwiftShader, llvmpipe, ...), not a GPU. */
  readonly software?: boolean;
}

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU'
};

interface GpuAdapterLike {
  /** Older browsers say it here, newer ones in `info`. */
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

type Found = Omit<BackendStatus, 'name' | 'label'>;

const missing = (reason: EngineMessage): Found => ({ available: false, reason: reason.message, reasonMessage: reason });
const runsOn = (detail: EngineMessage): Found => ({ available: true, detail: detail.message, detailMessage: detail });

async function probeWebGpu(): Promise<Found> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) {
    return missing(engineMessage(window.isSecureContext ? 'engine.backend.noWebgpu' : 'engine.backend.webgpuInsecure'));
  }
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return missing(engineMessage('engine.backend.noAdapter'));
    const info = adapter.info;
    const detail = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
    const software = adapter.isFallbackAdapter === true || info?.isFallbackAdapter === true || isSoftwareRenderer(detail);
    return { available: true, detail: detail || undefined, software };
  } catch (e) {
    return missing(engineMessage('engine.backend.adapterFailed', { error: (e as Error).message }));
  }
}

function probeWebGl(): Found {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return missing(engineMessage('engine.backend.noWebgl'));
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const version = gl instanceof WebGL2RenderingContext ? 'WebGL 2' : 'WebGL 1';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, detail: `${version}, ${renderer}`, software: isSoftwareRenderer(renderer) };
}

function probeWasm(): Found {
  if (typeof WebAssembly !== 'object') return missing(engineMessage('engine.backend.noWasm'));
  return runsOn(
    window.crossOriginIsolated ? engineMessage('engine.backend.wasmThreads', { n: navigator.hardwareConcurrency }) : engineMessage('engine.backend.wasmOneThread')
  );
}

export async function probeBackends(): Promise<BackendStatus[]> {
  const found: Record<BackendName, Found> = {
    webgpu: await probeWebGpu(),
    webgl: probeWebGl(),
    wasm: probeWasm(),
    cpu: runsOn(engineMessage('engine.backend.cpu'))
  };
  return BACKEND_ORDER.map((name) => ({ name, label: BACKEND_LABELS[name], ...found[name] }));
}
