// The real network for the chapters' live widgets: one LiveEngine per page, loaded on demand
// through the live page's engine and weights loader (Cache Storage included), so that a chapter
// never pulls tfjs in before a reader asks for it. The backend is the best that starts, or the
// one the address names (`?backend=wasm`), as on the live page.
import type { BackendName } from '$lib/engine/backend';
import type { FetchProgress, InputImage, LiveEngine } from '$lib/engine/browser';
import { BACKEND_CHOICES } from '$lib/view/live/query';
import { MODEL_BASE, SAMPLE_BASE } from '$lib/view/live/session.svelte';

export type LiveModelState =
	| { readonly kind: 'idle' }
	| { readonly kind: 'loading'; readonly progress: FetchProgress | null }
	| { readonly kind: 'ready'; readonly engine: LiveEngine; readonly backend: string }
	| { readonly kind: 'missing'; readonly url: string }
	| { readonly kind: 'failed'; readonly message: string };

type Listener = (state: LiveModelState) => void;

let state: LiveModelState = { kind: 'idle' };
let loading: Promise<LiveModelState> | null = null;
const listeners = new Set<Listener>();

function set(next: LiveModelState): void {
	state = next;
	for (const l of listeners) l(next);
}

/** Calls `listener` now and on every change; returns the unsubscribe. */
export function watchLiveModel(listener: Listener): () => void {
	listeners.add(listener);
	listener(state);
	return () => listeners.delete(listener);
}

function askedBackend(): BackendName | null {
	const asked = new URLSearchParams(location.search).get('backend');
	return BACKEND_CHOICES.find((b) => b === asked) ?? null;
}

/** Loads the network once per page (float16 weights); later calls share the same load. */
export function loadLiveModel(): Promise<LiveModelState> {
	if (state.kind === 'ready') return Promise.resolve(state);
	if (loading) return loading;
	loading = (async () => {
		set({ kind: 'loading', progress: null });
		try {
			const lib = await import('$lib/engine/browser');
			const engine = new lib.LiveEngine(await lib.probeBackends());
			await engine.useBackend(askedBackend());
			engine.labels = await lib.fetchLabels(MODEL_BASE);
			try {
				await engine.loadSite(MODEL_BASE, 'float16', (progress) => set({ kind: 'loading', progress }));
			} catch (e) {
				if (e instanceof lib.NoWeightsError) {
					engine.dispose();
					set({ kind: 'missing', url: e.url });
					return state;
				}
				throw e;
			}
			set({ kind: 'ready', engine, backend: engine.backendLabel() });
		} catch (e) {
			set({ kind: 'failed', message: (e as Error).message });
		} finally {
			loading = null;
		}
		return state;
	})();
	return loading;
}

/** One of the sample photos in static/samples/, decoded for the engine. */
export async function loadSample(file: string): Promise<InputImage> {
	const lib = await import('$lib/engine/browser');
	return lib.imageFromUrl(`${SAMPLE_BASE}${file}`, file, file);
}

/** A reader's own image file. */
export async function loadFile(file: File): Promise<InputImage> {
	const lib = await import('$lib/engine/browser');
	return lib.imageFromBlob(file, file.name);
}
