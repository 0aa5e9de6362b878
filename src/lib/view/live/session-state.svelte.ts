/**
 * What the live page shows: the reactive state (view, backend, weights, image, results, notices)
 * and the changes that need no run of the network. What the reader does that runs the engine is
 * `LiveSession`, which extends this; the split keeps the state readable at a glance.
 */
import type { BackendName } from '$lib/engine/backend';
import type { Prediction } from '$lib/engine/classify';
import type { Precision } from '$lib/engine/manifest';
import type { BackendStatus, CropRun, DefaultBackend, EngineStage, FetchProgress, InputImage, LiveEngine, SingleRun, WeightsInfo } from '$lib/engine/browser';
import type { MessageKey } from '$lib/i18n/translate';
import type { Tap } from './featureMaps';
import { DEFAULT_VIEW, LIVE_TAPS, type ColourScale, type LiveView } from './query';

type Browser = typeof import('$lib/engine/browser');

export type WeightsState =
	| { readonly kind: 'waiting' }
	| { readonly kind: 'loading'; readonly precision: Precision; readonly progress: FetchProgress | null }
	| { readonly kind: 'importing'; readonly name: string; readonly bytes: number }
	| { readonly kind: 'ready'; readonly info: WeightsInfo }
	| { readonly kind: 'missing'; readonly url: string }
	| { readonly kind: 'failed'; readonly message: string; readonly error?: unknown };

/** A message's parts: numbers and text as they are; an error or a catalogue reference is shown in the reader's edition (errorText). */
export type NoticeParams = Readonly<Record<string, unknown>>;

export interface Notice {
	readonly id: number;
	readonly tone: 'info' | 'warning' | 'error';
	/** The message, in the catalogue (area 'live'). */
	readonly key: MessageKey;
	readonly params: NoticeParams;
}

export interface DebugHook {
	memory(): { numTensors: number; numBytes: number };
	backend(): string | null;
	/** What runs the network on WASM (see LiveEngine.engineLabel). */
	engine(): string | null;
	/** The feature map on show, as plain numbers. */
	tap(): { layer: string; shape: [number, number, number]; data: number[] } | null;
	failNext(message?: string): void;
	runs(): number;
}

export const MODEL_BASE = '/models/googlenet/';
export const SAMPLE_BASE = '/samples/';

export class LiveSessionState {
	view = $state<LiveView>(DEFAULT_VIEW);
	statuses = $state<BackendStatus[]>([]);
	backend = $state<BackendName | null>(null);
	/** The fastest backend here and why: in use while the reader has chosen none. */
	fastest = $state.raw<DefaultBackend | null>(null);
	/** What the engine is doing that takes a while (compiling, packing), with since when. */
	stage = $state.raw<EngineStage | null>(null);
	weights = $state<WeightsState>({ kind: 'waiting' });
	labelsMissing = $state(false);
	/** The class names in use (null until read, or when the site has none). */
	labels = $state.raw<readonly string[] | null>(null);
	image = $state.raw<InputImage | null>(null);
	/** Why the last picture was refused: an error (its message, or its catalogue key) or null. */
	imageError = $state.raw<unknown>(null);
	/** A picture is being read. */
	imageLoading = $state(false);
	single = $state.raw<SingleRun | null>(null);
	cropRun = $state.raw<CropRun | null>(null);
	/** The batch of crops being run: how far, and each crop's top 1 so far. */
	batch = $state.raw<{ done: number; total: number; tops: readonly Prediction[] } | null>(null);
	tap = $state.raw<Tap | null>(null);
	tapLoading = $state(false);
	running = $state(false);
	runs = $state(0);
	notices = $state<Notice[]>([]);
	/** Tap names the loaded network offers (auxiliary heads when loaded). */
	taps = $state.raw<ReadonlyMap<string, readonly [number, number, number]>>(LIVE_TAPS);

	protected lib: Browser | null = null;
	protected engine: LiveEngine | null = null;
	protected generation = 0;
	private noticeId = 0;

	notify(tone: Notice['tone'], key: MessageKey, params: NoticeParams = {}): void {
		this.notices = [...this.notices.slice(-3), { id: ++this.noticeId, tone, key, params }];
	}

	/** Drops the error notices (warnings and news stay). */
	clearErrors(): void {
		this.notices = this.notices.filter((n) => n.tone !== 'error');
	}

	dismiss(id: number): void {
		this.notices = this.notices.filter((n) => n.id !== id);
	}

	debugHook(): DebugHook {
		return {
			memory: () => this.engine?.memory() ?? { numTensors: 0, numBytes: 0 },
			backend: () => this.engine?.backend ?? null,
			engine: () => this.engine?.engineLabel() ?? null,
			tap: () => (this.tap ? { layer: this.tap.layer, shape: [this.tap.height, this.tap.width, this.tap.channels], data: Array.from(this.tap.data) } : null),
			failNext: (message = 'simulated loss of the GPU device') => this.engine?.injectFailure(message),
			runs: () => this.runs
		};
	}

	setScale(scale: ColourScale): void {
		this.view = { ...this.view, scale };
	}

	setChannel(channel: number): void {
		this.view = { ...this.view, channel };
	}

	/** conv1's filters from the loaded weights. */
	firstFilters(): { data: Float32Array; shape: readonly number[] } | null {
		return this.weights.kind === 'ready' ? (this.engine?.firstFilters() ?? null) : null;
	}
}
