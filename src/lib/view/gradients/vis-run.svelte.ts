/**
 * One feature-visualization request as the widget shows it: a cache hit at once, else a job in
 * the gradient worker with its step count, objective value and pictures as they improve; it can
 * be stopped (the last picture stays, marked as stopped). Finished pictures go into the cache.
 */
import { GradientNoWeights, GradientStopped, type GradientClient, type GradientJob } from '$lib/engine/browser/gradient-client';
import type { FeatureVisSettings } from '$lib/engine/gradients/feature-vis';
import type { RgbaImage } from '$lib/engine/gradients/image';
import type { VisStore } from './vis-cache';
import { visKey } from './vis-key';

export type VisStatus = 'idle' | 'looking' | 'running' | 'done' | 'cached' | 'stopped' | 'missing' | 'failed';

export interface VisRequest {
	readonly layer: string;
	readonly channel: number;
	readonly settings: FeatureVisSettings;
}

export class VisRun {
	status: VisStatus = $state('idle');
	step = $state(0);
	steps = $state(0);
	/** The objective at the last step: the channel's mean activation times the direction's sign. */
	value: number | null = $state(null);
	images: readonly RgbaImage[] = $state.raw([]);
	/** Wall time of the run (or of the cached run when it was made). */
	ms: number | null = $state(null);
	/** Why the run failed: an Error, or the worker's message (plain text or a catalogue key and params); shown with errorText. */
	failure: unknown = $state.raw(null);
	/** What the worker is doing that takes a while (plain text or a catalogue message), null when nothing. */
	stage: unknown = $state.raw(null);
	/** Which request these pictures belong to. */
	request: VisRequest | null = $state.raw(null);

	private job: GradientJob<RgbaImage[]> | null = null;
	private generation = 0;

	constructor(
		private readonly client: () => GradientClient,
		private readonly store: VisStore,
		private readonly fingerprint: () => Promise<string | null>
	) {}

	/** A cached picture for `request`, shown without computing; false when there is none. */
	async lookUp(request: VisRequest): Promise<boolean> {
		const generation = ++this.generation;
		const print = await this.fingerprint();
		const hit = print ? await this.store.get(visKey(print, request.layer, request.channel, request.settings)) : null;
		if (generation !== this.generation || !hit) return false;
		this.request = request;
		this.images = hit.images;
		this.step = hit.steps;
		this.steps = hit.steps;
		this.value = hit.value;
		this.ms = hit.ms;
		this.failure = null;
		this.status = 'cached';
		return true;
	}

	/** Shows the cached picture, or computes it. */
	async start(request: VisRequest): Promise<void> {
		this.stop();
		this.status = 'looking';
		if (await this.lookUp(request)) return;
		const generation = this.generation;
		this.request = request;
		this.images = [];
		this.step = 0;
		this.steps = request.settings.steps;
		this.value = null;
		this.ms = null;
		this.failure = null;
		this.status = 'running';
		const began = performance.now();
		const client = this.client();
		const unstage = client.onStage((s) => {
			if (generation === this.generation) this.stage = s;
		});
		// The direction is the settings' sign alone (the objective's own sign would multiply it again).
		const objective = { kind: 'channel', tap: request.layer, channel: request.channel } as const;
		const job = client.featureVis(objective, request.settings, (p) => {
			if (generation !== this.generation) return;
			this.step = p.step;
			this.steps = p.steps;
			this.value = p.value;
			if (p.images.length) this.images = p.images;
		});
		this.job = job;
		try {
			const images = await job.result;
			if (generation !== this.generation) return;
			const ms = performance.now() - began;
			this.images = images;
			this.step = this.steps;
			this.ms = ms;
			this.status = 'done';
			const print = await this.fingerprint();
			if (print)
				await this.store.put(visKey(print, request.layer, request.channel, request.settings), {
					images,
					value: this.value ?? 0,
					steps: request.settings.steps,
					ms
				});
		} catch (e) {
			if (generation !== this.generation) return;
			if (e instanceof GradientStopped) this.status = 'stopped';
			else {
				this.status = e instanceof GradientNoWeights ? 'missing' : 'failed';
				this.failure = e;
			}
		} finally {
			unstage();
			if (generation === this.generation) {
				this.stage = null;
				this.job = null;
			}
		}
	}

	/** Stops the running job; its last picture stays. */
	stop(): void {
		this.job?.stop();
	}

	/** Forgets the pictures (another channel was chosen); a running job is stopped. */
	reset(): void {
		this.stop();
		this.generation++;
		this.job = null;
		this.status = 'idle';
		this.images = [];
		this.request = null;
		this.step = 0;
		this.value = null;
		this.failure = null;
		this.stage = null;
	}
}
