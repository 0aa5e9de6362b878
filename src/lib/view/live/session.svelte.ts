/**
 * What the reader can do on the live page: load the weights, pick a backend, give an image, read
 * the result, browse the feature maps. The state it changes is `LiveSessionState`. The engine (and
 * tfjs with it) is imported when `start` runs in the browser, never at build time. Results that
 * arrive after the reader has moved on (another image, another layer) are dropped.
 */
import type { BackendName } from '$lib/engine/backend';
import type { Precision } from '$lib/engine/manifest';
import type { InputImage } from '$lib/engine/browser';
import type { EngineMessage } from '$lib/engine/message';
import { fileRole, imageType, notAnImage, SIGNATURE_BYTES, type FileSource } from './imageFile';
import { DEFAULT_VIEW, SAMPLE_FILES, type CropChoice, type LiveView, type SampleId } from './query';
import { LiveSessionState, MODEL_BASE, SAMPLE_BASE } from './session-state.svelte';
import { choose, engineChanged, listenToEngine, sharedEngine } from './shared-engine';

export type { DebugHook, Notice, WeightsState } from './session-state.svelte';
export { MODEL_BASE, SAMPLE_BASE } from './session-state.svelte';

export class LiveSession extends LiveSessionState {
	private tapGeneration = 0;
	private unlisten: (() => void) | null = null;

	private attached: Promise<void> | null = null;

	/**
	 * A page comes to the visit's session (see shared-session.ts): the first one starts it with its
	 * view; a later one brings its address's view, and the photo, engine and result already there
	 * stay unless that view asks for others. `keepImage`: the address names no photo, so the
	 * session's own one stays (a reader's upload included).
	 */
	async attach(view: LiveView, keepImage: boolean): Promise<void> {
		if (!this.attached) {
			this.attached = this.start(view);
			return this.attached;
		}
		await this.attached;
		const before = this.view;
		const image = keepImage ? before.image : view.image;
		this.view = { ...view, image, backend: before.backend, precision: before.precision };
		if (view.backend && view.backend !== before.backend) await this.setBackend(view.backend);
		if (view.precision !== before.precision) await this.setPrecision(view.precision);
		if (image && (image !== before.image || !this.image)) await this.pickSample(image);
		else if (!this.single || view.crops !== before.crops) await this.run();
		else if (this.tap?.layer !== view.layer) await this.setLayer(view.layer, view.channel);
	}

	/** In the browser, once: backends, weights, labels, then the image the address names. */
	async start(view: LiveView): Promise<void> {
		this.view = view;
		// The visit's engine, shared with the chapters' widgets (weights loaded there stay loaded).
		const shared = await sharedEngine();
		const lib = (this.lib = shared.lib);
		this.statuses = [...shared.statuses];
		this.fastest = shared.fastest;
		this.engine = shared.engine;
		this.unlisten = listenToEngine({
			onFallback: (failed, reason, next, message) => this.fellBack(failed, reason, next, message),
			onLost: (name, _reason, message) => {
				this.notify('warning', 'live.notice.lost', { backend: lib.BACKEND_LABELS[name], reason: message });
				void this.run();
			},
			onKernelsFailed: (_reason, message) => this.notify('warning', 'live.notice.kernels', { reason: message }),
			onStage: (stage) => (this.stage = stage)
		});
		const imageDone = view.image ? this.pickSample(view.image, false) : Promise.resolve();
		try {
			this.backend = await this.engine.useBackend(view.backend ?? shared.fastest.backend);
		} catch (e) {
			this.weights = { kind: 'failed', message: (e as Error).message, error: e };
			return;
		}
		const asked = this.statuses.find((s) => s.name === view.backend);
		if (asked && this.backend !== asked.name)
			this.notify('warning', 'live.notice.notHere', {
				asked: asked.label,
				reason: asked.reasonMessage ?? asked.reason ?? this.engine.failedMessages.get(asked.name) ?? { key: 'live.notice.didNotStart' },
				backend: lib.BACKEND_LABELS[this.backend]
			});
		const labels = await lib.fetchLabels(MODEL_BASE);
		this.engine.labels = this.labels = labels;
		this.labelsMissing = labels === null;
		await this.loadWeights(view.precision);
		await imageDone;
		await this.run();
	}

	private fellBack(failed: BackendName, reason: string, next: BackendName | null, message: EngineMessage): void {
		const label = (b: BackendName) => this.lib?.BACKEND_LABELS[b] ?? b;
		this.statuses = this.statuses.map((s) => (s.name === failed ? { ...s, available: false, reason, reasonMessage: message } : s));
		this.backend = next;
		// The address follows: a link made now opens on the backend that works.
		if (next && this.view.backend === failed) this.view = { ...this.view, backend: next };
		if (next) this.notify('warning', 'live.notice.fellBack', { failed: label(failed), reason: message, next: label(next) });
		else this.notify('warning', 'live.notice.failed', { failed: label(failed), reason: message });
	}

	private async loadWeights(precision: Precision): Promise<void> {
		const { lib, engine } = this;
		if (!lib || !engine) return;
		if (engine.ready && engine.info?.precision === precision) {
			// Loaded earlier in this visit (by this page or a chapter's widget).
			this.weights = { kind: 'ready', info: engine.info };
			this.taps = engine.taps;
			return;
		}
		this.weights = { kind: 'loading', precision, progress: null };
		try {
			const info = await engine.loadSite(MODEL_BASE, precision, (progress) => {
				this.weights = { kind: 'loading', precision, progress };
			});
			this.weights = { kind: 'ready', info };
			this.taps = engine.taps;
			this.backend = engine.backend;
			engineChanged();
		} catch (e) {
			this.weights =
				e instanceof lib.NoWeightsError ? { kind: 'missing', url: e.url } : { kind: 'failed', message: (e as Error).message, error: e };
		}
	}

	async setPrecision(precision: Precision): Promise<void> {
		if (this.weights.kind === 'loading' || this.weights.kind === 'importing') return;
		this.view = { ...this.view, precision };
		choose({ backend: this.view.backend, precision });
		this.generation++; // a batch in flight stops rather than mix two sets of weights
		await this.loadWeights(precision);
		await this.run();
	}

	async setBackend(name: BackendName): Promise<void> {
		if (!this.engine) return;
		this.view = { ...this.view, backend: name };
		this.generation++; // a batch in flight stops; the run below starts over
		try {
			this.backend = await this.engine.useBackend(name);
		} catch (e) {
			this.notify('error', 'live.notice.error', { message: e });
		}
		choose({ backend: name, precision: this.view.precision });
		await this.run();
	}

	/**
	 * A file from the photo picker, the weights panel's picker, a drop or a paste: a photo, the
	 * caffemodel or synset_words.txt (see `fileRole`). A photo is checked by its first bytes and
	 * type before anything reads it; what is not one is refused with one line, and the previous
	 * picture and result stay.
	 */
	async useFile(file: File, source: FileSource): Promise<void> {
		const lib = this.lib;
		if (!lib) return;
		const role = fileRole(file.name, source);
		if (role === 'caffemodel') return this.importWeights(file);
		if (role === 'labels') {
			try {
				const labels = await lib.importSynsetWords(file);
				if (this.engine) this.engine.labels = labels;
				this.labels = labels;
				this.labelsMissing = false;
				this.notify('info', 'live.notice.labels', { file: file.name });
				await this.run();
			} catch (e) {
				this.notify('error', 'live.notice.error', { message: e });
			}
			return;
		}
		const head = new Uint8Array(await file.slice(0, SIGNATURE_BYTES).arrayBuffer());
		const refused = notAnImage(file.name, file.type, head, file.size);
		if (refused) {
			this.imageError = refused;
			return;
		}
		const type = imageType(file.type, head);
		const blob = type === file.type ? file : file.slice(0, file.size, type);
		await this.useImage(() => lib.imageFromBlob(blob, file.name), null);
	}

	async pickSample(id: SampleId, run = true): Promise<void> {
		const lib = this.lib;
		if (!lib) return;
		await this.useImage(() => lib.imageFromUrl(`${SAMPLE_BASE}${SAMPLE_FILES[id]}`, SAMPLE_FILES[id], id), id, run);
	}

	async useVideo(video: HTMLVideoElement): Promise<void> {
		const lib = this.lib;
		if (!lib) return;
		await this.useImage(() => lib.imageFromVideo(video), null);
	}

	/** Decodes a new image; on failure, says why and keeps the previous image and result. */
	private async useImage(decode: () => Promise<InputImage>, sample: SampleId | null, run = true): Promise<void> {
		const token = ++this.generation;
		this.imageLoading = true;
		try {
			const image = await decode();
			if (token !== this.generation) return;
			this.image?.bitmap.close();
			this.image = image;
			// A new picture: what failed before it (a refused file, a run) is no longer news.
			this.imageError = null;
			this.clearErrors();
			this.view = { ...this.view, image: sample };
		} catch (e) {
			if (token === this.generation) this.imageError = e;
			return;
		} finally {
			if (token === this.generation) this.imageLoading = false;
		}
		if (run) await this.run();
	}

	private async importWeights(file: File): Promise<void> {
		const { lib, engine } = this;
		if (!lib || !engine) return;
		const before = this.weights;
		this.generation++;
		this.weights = { kind: 'importing', name: file.name, bytes: file.size };
		try {
			const imported = await lib.importCaffemodel(file);
			const info = await engine.loadImported(imported);
			this.weights = { kind: 'ready', info };
			this.taps = engine.taps;
			this.backend = engine.backend;
			const [a, b] = info.auxHeads;
			const heads = a && b && info.auxHeads.length === 2 ? { key: 'live.notice.and', params: { a, b } } : info.auxHeads.join(', ');
			this.notify('info', 'live.notice.imported', { file: file.name, aux: info.auxHeads.length ? { key: 'live.notice.importedAux', params: { heads } } : '' });
		} catch (e) {
			this.weights = before;
			this.notify('error', 'live.notice.importFailed', { file: file.name, message: e });
			return;
		}
		await this.run();
	}

	/** Classifies the current image: the centre crop with the chosen feature map, then the batch. */
	async run(): Promise<void> {
		const { engine, image } = this;
		if (!engine?.ready || !image) return;
		const token = ++this.generation;
		this.running = true;
		try {
			const layer = this.taps.has(this.view.layer) ? this.view.layer : DEFAULT_VIEW.layer;
			if (layer !== this.view.layer) {
				this.notify('warning', 'live.notice.noLayer', { layer: this.view.layer, shown: layer });
				this.view = { ...this.view, layer, channel: 0 };
			}
			const single = await engine.classify(image.pixels, layer);
			if (token !== this.generation) return;
			this.single = single;
			// The reader may have picked another layer while this ran.
			if (single.tap?.layer === this.view.layer) this.tap = single.tap;
			else {
				this.tap = null;
				void this.setLayer(this.view.layer, this.view.channel);
			}
			this.backend = engine.backend;
			this.runs++;
			if (this.runs === 1) performance.mark('inception:first-result');
			this.cropRun = null;
			if (this.view.crops > 1) await this.runCrops(token, image, this.view.crops);
		} catch (e) {
			if (token === this.generation) this.notify('error', 'live.notice.runFailed', { message: e });
		} finally {
			if (token === this.generation) {
				this.running = false;
				this.batch = null;
			}
		}
	}

	private async runCrops(token: number, image: InputImage, count: CropChoice): Promise<void> {
		const engine = this.engine;
		if (!engine) return;
		const result = await engine.classifyCrops(
			image.pixels,
			count,
			(done, total, tops) => {
				if (token === this.generation) this.batch = { done, total, tops: [...tops] };
			},
			() => token !== this.generation
		);
		if (result && token === this.generation) {
			this.cropRun = result;
			this.backend = engine.backend;
		}
	}

	async setCrops(crops: CropChoice): Promise<void> {
		this.view = { ...this.view, crops };
		await this.run();
	}

	/** Shows another layer's feature maps for the current image (one forward pass). */
	async setLayer(layer: string, channel = 0): Promise<void> {
		if (!this.taps.has(layer)) return;
		this.view = { ...this.view, layer, channel };
		const { engine, image } = this;
		if (!engine?.ready || !image || this.tap?.layer === layer) return;
		const token = ++this.tapGeneration;
		this.tapLoading = true;
		try {
			const tap = await engine.tap(image.pixels, layer);
			if (token === this.tapGeneration && this.image === image) this.tap = tap;
		} catch (e) {
			if (token === this.tapGeneration) this.notify('error', 'live.notice.tapFailed', { layer, message: e });
		} finally {
			if (token === this.tapGeneration) this.tapLoading = false;
		}
	}

	destroy(): void {
		this.generation++;
		// The engine stays for the rest of the visit (the chapters' widgets use it too).
		this.unlisten?.();
		this.image?.bitmap.close();
	}
}
