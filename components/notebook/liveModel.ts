// The real network for the chapters' live widgets: the visit's shared engine (the live page's,
// see shared-engine.ts), loaded on demand with the live page's weights loader (Cache Storage
// included), so that a chapter never pulls tfjs in before a reader asks for it. The backend and
// precision are the reader's one choice (kept across visits; `?backend=wasm` in the address
// overrides it), else the fastest backend here; a widget may change it for every page.
import { replaceState } from '$app/navigation';
import type { BackendName } from '$lib/engine/backend';
import type { EngineStage, FetchProgress, InputImage, LiveEngine } from '$lib/engine/browser';
import type { Precision } from '$lib/engine/manifest';
import { choiceFromQuery, readChoice, type EngineChoice } from '$lib/view/live/engine-choice';
import { MODEL_BASE, SAMPLE_BASE } from '$lib/view/live/session.svelte';
import { backendFor, choose, engineChanged, listenToEngine, sharedEngine, type SharedEngine } from '$lib/view/live/shared-engine';

export type LiveModelState =
	| { readonly kind: 'idle' }
	| { readonly kind: 'loading'; readonly progress: FetchProgress | null; readonly stage: EngineStage | null }
	| {
			readonly kind: 'ready';
			readonly engine: LiveEngine;
			readonly shared: SharedEngine;
			readonly stage: EngineStage | null;
			/** Counts the engine's changes (backend, weights): the engine itself is not reactive. */
			readonly version: number;
	  }
	| { readonly kind: 'missing'; readonly url: string }
	| { readonly kind: 'failed'; readonly message: string; readonly error: unknown };

type Listener = (state: LiveModelState) => void;

let state: LiveModelState = { kind: 'idle' };
let loading: Promise<LiveModelState> | null = null;
let stage: EngineStage | null = null;
const listeners = new Set<Listener>();

function set(next: LiveModelState): void {
	state = next;
	for (const l of listeners) l(next);
}

// The engine's stage (compiling, packing) and changes made elsewhere reach every gate on the page.
if (typeof window !== 'undefined')
	listenToEngine({
		onStage: (s) => {
			stage = s;
			if (state.kind === 'loading' || state.kind === 'ready') set({ ...state, stage: s });
		},
		onChange: () => {
			if (state.kind === 'ready') set({ ...state, version: state.version + 1 });
		}
	});

/** Calls `listener` now and on every change; returns the unsubscribe. */
export function watchLiveModel(listener: Listener): () => void {
	listeners.add(listener);
	listener(state);
	return () => listeners.delete(listener);
}

/** The reader's choice, with what this page's address names first. */
export function currentChoice(): EngineChoice {
	return choiceFromQuery(new URLSearchParams(location.search), readChoice());
}

/** The backend and weights of `choice` on the shared engine (nothing to do for what is loaded already). */
async function apply(shared: SharedEngine, choice: EngineChoice, onProgress: (p: FetchProgress) => void): Promise<void> {
	const { engine, lib } = shared;
	await engine.useBackend(backendFor(shared, choice));
	engine.labels ??= await lib.fetchLabels(MODEL_BASE);
	const loaded = engine.info?.precision;
	if (!engine.ready || (loaded !== choice.precision && loaded !== 'imported')) await engine.loadSite(MODEL_BASE, choice.precision, onProgress);
	engineChanged();
}

/** Loads the network once per visit (shared with the live page); later calls share the same load. */
export function loadLiveModel(): Promise<LiveModelState> {
	if (state.kind === 'ready') return Promise.resolve(state);
	if (loading) return loading;
	loading = (async () => {
		set({ kind: 'loading', progress: null, stage });
		try {
			const shared = await sharedEngine();
			try {
				await apply(shared, currentChoice(), (progress) => set({ kind: 'loading', progress, stage }));
			} catch (e) {
				if (e instanceof shared.lib.NoWeightsError) {
					set({ kind: 'missing', url: e.url });
					return state;
				}
				throw e;
			}
			set({ kind: 'ready', engine: shared.engine, shared, stage, version: 0 });
		} catch (e) {
			set({ kind: 'failed', message: (e as Error).message, error: e });
		} finally {
			loading = null;
		}
		return state;
	})();
	return loading;
}

/** The reader picks another backend or precision in a widget: kept for every page, applied now. */
export async function changeEngine(change: { backend?: BackendName; precision?: Precision }): Promise<void> {
	if (state.kind !== 'ready') return;
	const { shared } = state;
	const before = currentChoice();
	const precision = change.precision === 'float32' || change.precision === 'float16' ? change.precision : before.precision;
	const choice: EngineChoice = { backend: change.backend ?? before.backend, precision };
	choose(choice);
	// An address that names the engine follows the change, so that it stays true to the page.
	const query = new URLSearchParams(location.search);
	if (query.has('backend') || query.has('precision')) {
		if (choice.backend) query.set('backend', choice.backend);
		query.set('precision', choice.precision);
		replaceState(`${location.pathname}?${query.toString().replace(/%2F/g, '/')}${location.hash}`, {});
	}
	try {
		await apply(shared, choice, () => {});
	} catch (e) {
		set({ kind: 'failed', message: (e as Error).message, error: e });
	}
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
