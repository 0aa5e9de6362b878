/**
 * The reader's engine: one backend and one precision of the weights, shared by the live page and
 * every chapter widget that runs the network. Kept in localStorage across visits; the address of
 * a page overrides it (`?backend=wasm&precision=float32`). A null backend means "the fastest on
 * this device" (see default-backend.ts). DOM-free apart from the storage, which may be missing or
 * blocked: then the choice lasts for the visit only.
 */
import { BACKEND_CHOICES, DEFAULT_VIEW, PRECISION_CHOICES, type BackendChoice, type LiveView, type PrecisionChoice } from './query';

export interface EngineChoice {
	/** null: the fastest on this device. */
	readonly backend: BackendChoice | null;
	readonly precision: PrecisionChoice;
}

export const DEFAULT_CHOICE: EngineChoice = { backend: DEFAULT_VIEW.backend, precision: DEFAULT_VIEW.precision };
export const STORAGE_KEY = 'inception:engine';

/** A stored choice, read leniently: anything unknown falls back to the default. */
export function parseChoice(raw: string | null): EngineChoice {
	let stored: Partial<Record<keyof EngineChoice, unknown>> = {};
	try {
		const json = raw === null ? null : (JSON.parse(raw) as unknown);
		if (json && typeof json === 'object') stored = json as typeof stored;
	} catch {
		// Not JSON: the default.
	}
	return {
		backend: BACKEND_CHOICES.find((b) => b === stored.backend) ?? null,
		precision: PRECISION_CHOICES.find((p) => p === stored.precision) ?? DEFAULT_CHOICE.precision
	};
}

/** The address's backend and precision where it names them, else the stored choice. */
export function choiceFromQuery(query: URLSearchParams, stored: EngineChoice): EngineChoice {
	const backend = BACKEND_CHOICES.find((b) => b === query.get('backend'));
	const precision = PRECISION_CHOICES.find((p) => p === query.get('precision'));
	return { backend: backend ?? stored.backend, precision: precision ?? stored.precision };
}

/** The live page's view with the engine the reader chose before, where its address names none. */
export function viewWithChoice(view: LiveView, query: URLSearchParams, stored: EngineChoice): LiveView {
	const choice = choiceFromQuery(query, stored);
	return { ...view, backend: choice.backend, precision: choice.precision };
}

const storage = (): Storage | null => {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
};

let visit: EngineChoice | null = null;

/** The choice kept in this browser (or made earlier in this visit where storage is blocked). */
export function readChoice(): EngineChoice {
	if (visit) return visit;
	try {
		return parseChoice(storage()?.getItem(STORAGE_KEY) ?? null);
	} catch {
		return DEFAULT_CHOICE;
	}
}

export function saveChoice(choice: EngineChoice): void {
	visit = choice;
	try {
		storage()?.setItem(STORAGE_KEY, JSON.stringify(choice));
	} catch {
		// Storage full or blocked: the choice still holds for this visit.
	}
}
