/**
 * One engine for the whole visit: the live page and every chapter widget that runs the network
 * share it, so the weights are downloaded and packed once, and a backend chosen on one page is
 * the one the next page runs on. Started on first use in the browser (tfjs is imported then,
 * never at build time); its events go to whoever listens at the time.
 */
import type { BackendName } from '$lib/engine/backend';
import type { BackendStatus, DefaultBackend, EngineEvents, LiveEngine } from '$lib/engine/browser';
import { readChoice, saveChoice, type EngineChoice } from './engine-choice';

type Browser = typeof import('$lib/engine/browser');

export interface SharedEngine {
	readonly lib: Browser;
	readonly engine: LiveEngine;
	/** What each backend can do here, as probed once. */
	readonly statuses: readonly BackendStatus[];
	/** The fastest backend here (by the names, or by a short measured test), and why: the one used while the reader has chosen none. */
	readonly fastest: DefaultBackend;
}

export interface EngineListener extends EngineEvents {
	/** The backend or the weights changed (from any page or widget). */
	readonly onChange?: () => void;
}

const listeners = new Set<EngineListener>();
let started: Promise<SharedEngine> | null = null;

const each = (fn: (l: EngineListener) => void) => {
	for (const l of listeners) fn(l);
};

/** The visit's engine, started on the first call. */
export function sharedEngine(): Promise<SharedEngine> {
	started ??= (async () => {
		const lib = await import('$lib/engine/browser');
		const statuses = await lib.probeBackends();
		// Where the names leave the fastest open (a GPU that is not a known software one), a short
		// test pass on it and on WASM decides, once per device.
		const fastest = await lib.measuredDefault(statuses, lib.timeBackends);
		const engine = new lib.LiveEngine(statuses, {
			onFallback: (...a) => each((l) => l.onFallback?.(...a)),
			onLost: (...a) => each((l) => l.onLost?.(...a)),
			onKernelsFailed: (...a) => each((l) => l.onKernelsFailed?.(...a)),
			onStage: (...a) => each((l) => l.onStage?.(...a))
		});
		return { lib, engine, statuses, fastest };
	})();
	started.catch(() => (started = null));
	return started;
}

/** Hears the engine's events until the returned function is called. */
export function listenToEngine(listener: EngineListener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Tells every listener that the backend or the weights changed. */
export function engineChanged(): void {
	each((l) => l.onChange?.());
}

/** The backend a choice runs on here: the reader's, else the fastest. */
export const backendFor = (shared: SharedEngine, choice: EngineChoice): BackendName => choice.backend ?? shared.fastest.backend;

/** Keeps the reader's choice (for every page, and the next visit) and tells the listeners. */
export function choose(choice: EngineChoice): void {
	saveChoice(choice);
	engineChanged();
}

export { readChoice };
