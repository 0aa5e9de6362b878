/**
 * Finished feature-visualization pictures kept in the browser (IndexedDB), by `visKey`: a
 * second request for the same weights, channel and settings shows at once, with no worker job.
 * Storage may be missing or blocked (private windows): the cache is then empty and says nothing.
 */
import type { RgbaImage } from '$lib/engine/gradients/image';

export interface VisEntry {
	readonly images: readonly RgbaImage[];
	/** The objective's value at the last step. */
	readonly value: number;
	readonly steps: number;
	/** Wall time it took to make. */
	readonly ms: number;
}

export interface VisStore {
	get(key: string): Promise<VisEntry | null>;
	put(key: string, entry: VisEntry): Promise<void>;
}

const DB = 'inception-feature-vis';
const STORE = 'pictures';

function request<T>(r: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		r.onsuccess = () => resolve(r.result);
		r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
	});
}

let opened: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
	opened ??= new Promise((resolve) => {
		try {
			const r = indexedDB.open(DB, 1);
			r.onupgradeneeded = () => r.result.createObjectStore(STORE);
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => resolve(null);
			r.onblocked = () => resolve(null);
		} catch {
			resolve(null);
		}
	});
	return opened;
}

/** The browser's store (IndexedDB); every failure reads as a miss. */
export const idbStore: VisStore = {
	async get(key) {
		try {
			const db = await open();
			if (!db) return null;
			const found = (await request(db.transaction(STORE).objectStore(STORE).get(key))) as VisEntry | undefined;
			return found ?? null;
		} catch {
			return null;
		}
	},
	async put(key, entry) {
		try {
			const db = await open();
			if (!db) return;
			const images = entry.images.map((i) => ({ width: i.width, height: i.height, data: new Uint8ClampedArray(i.data) }));
			await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put({ ...entry, images }, key));
		} catch {
			// Storage full or blocked: the picture is simply not kept.
		}
	}
};

/** A store in memory (tests, and where IndexedDB is missing). */
export function memoryStore(): VisStore & { readonly size: number } {
	const map = new Map<string, VisEntry>();
	return {
		get size() {
			return map.size;
		},
		get: async (key) => map.get(key) ?? null,
		put: async (key, entry) => void map.set(key, entry)
	};
}
