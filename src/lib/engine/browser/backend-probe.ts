/**
 * What each tfjs backend can do in this browser, found without starting tfjs: WebGPU needs an
 * adapter, WebGL a context, WASM WebAssembly (threads only in a cross-origin isolated page).
 * A backend that is missing comes with the reason, for the page to show beside the switch.
 */
import { BACKEND_ORDER, type BackendName } from '../backend';
import { isSoftwareRenderer } from './default-backend';

export interface BackendStatus {
  readonly name: BackendName;
  readonly label: string;
  readonly available: boolean;
  /** Why it is not available (or why it stopped working). */
  readonly reason?: string;
  /** What it runs on: the GPU adapter, the WebGL renderer, the WASM threads. */
  readonly detail?: string;
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

async function probeWebGpu(): Promise<Omit<BackendStatus, 'name' | 'label'>> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) {
    const why = window.isSecureContext
      ? 'this browser does not offer WebGPU'
      : 'WebGPU needs a secure page (https or localhost)';
    return { available: false, reason: why };
  }
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { available: false, reason: 'no WebGPU adapter: the browser found no usable GPU, or blocks it' };
    const info = adapter.info;
    const detail = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
    const software = adapter.isFallbackAdapter === true || info?.isFallbackAdapter === true || isSoftwareRenderer(detail);
    return { available: true, detail: detail || undefined, software };
  } catch (e) {
    return { available: false, reason: `asking for a WebGPU adapter failed: ${(e as Error).message}` };
  }
}

function probeWebGl(): Omit<BackendStatus, 'name' | 'label'> {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return { available: false, reason: 'WebGL is turned off or unavailable in this browser' };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const version = gl instanceof WebGL2RenderingContext ? 'WebGL 2' : 'WebGL 1';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, detail: `${version}, ${renderer}`, software: isSoftwareRenderer(renderer) };
}

function probeWasm(): Omit<BackendStatus, 'name' | 'label'> {
  if (typeof WebAssembly !== 'object') return { available: false, reason: 'this browser has no WebAssembly' };
  const threads = window.crossOriginIsolated
    ? `up to ${navigator.hardwareConcurrency} threads`
    : 'one thread (the page is not cross-origin isolated)';
  return { available: true, detail: threads };
}

export async function probeBackends(): Promise<BackendStatus[]> {
  const found: Record<BackendName, Omit<BackendStatus, 'name' | 'label'>> = {
    webgpu: await probeWebGpu(),
    webgl: probeWebGl(),
    wasm: probeWasm(),
    cpu: { available: true, detail: 'plain JavaScript, the slowest' }
  };
  return BACKEND_ORDER.map((name) => ({ name, label: BACKEND_LABELS[name], ...found[name] }));
}
