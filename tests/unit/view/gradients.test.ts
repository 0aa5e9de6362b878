// The feature-visualization widget's logic without a browser: the cache key, the switches'
// settings, and a run against a fake gradient client (cache hits post no job; stop; the sign).
import { describe, expect, test } from 'vitest';
import { GradientStopped, type GradientClient, type GradientJob } from '$lib/engine/browser/gradient-client';
import { DEFAULT_FEATURE_VIS, type FeatureVisSettings } from '$lib/engine/gradients/feature-vis';
import type { RgbaImage } from '$lib/engine/gradients/image';
import type { Objective } from '$lib/engine/gradients/objective';
import { memoryStore } from '$lib/view/gradients/vis-cache';
import { fnv64, settingsText, visKey } from '$lib/view/gradients/vis-key';
import { DEFAULT_OPTIONS, DIVERSE_BATCH, visSettings } from '$lib/view/gradients/vis-options';
import { VisRun } from '$lib/view/gradients/vis-run.svelte';

const picture = (v: number): RgbaImage => ({ width: 2, height: 2, data: new Uint8ClampedArray(16).fill(v) });

/** A client whose featureVis jobs the test finishes or stops by hand. */
function fakeClient() {
	const jobs: { objective: Objective; settings: FeatureVisSettings; finish: () => void; stopped: boolean }[] = [];
	const client = {
		featureVis(objective: Objective, settings: FeatureVisSettings, onProgress: (p: { step: number; steps: number; value: number; images: RgbaImage[] }) => void) {
			let finish = () => {};
			let fail: (e: Error) => void = () => {};
			const result = new Promise<RgbaImage[]>((resolve, reject) => {
				finish = () => {
					onProgress({ step: settings.steps, steps: settings.steps, value: 2.5, images: [picture(9)] });
					resolve([picture(9)]);
				};
				fail = reject;
			});
			const entry = { objective, settings, finish, stopped: false };
			jobs.push(entry);
			onProgress({ step: 1, steps: settings.steps, value: 0.5, images: [picture(1)] });
			return {
				result,
				stop: () => {
					entry.stopped = true;
					fail(new GradientStopped());
				}
			} satisfies GradientJob<RgbaImage[]>;
		},
		onStage: () => () => {}
	};
	return { client: client as unknown as GradientClient, jobs };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the cache key', () => {
	test('the same settings in another key order give the same key; any setting changed gives another', () => {
		const reordered = Object.fromEntries(Object.entries(DEFAULT_FEATURE_VIS).reverse()) as unknown as FeatureVisSettings;
		expect(settingsText(reordered)).toBe(settingsText(DEFAULT_FEATURE_VIS));
		const key = visKey('w1', 'inception_4c/output', 3, DEFAULT_FEATURE_VIS);
		expect(visKey('w1', 'inception_4c/output', 3, { ...DEFAULT_FEATURE_VIS, steps: 64 })).not.toBe(key);
		expect(visKey('w1', 'inception_4c/output', 4, DEFAULT_FEATURE_VIS)).not.toBe(key);
		expect(visKey('w2', 'inception_4c/output', 3, DEFAULT_FEATURE_VIS)).not.toBe(key);
		expect(visKey('w1', 'inception_4c/3x3', 3, DEFAULT_FEATURE_VIS)).not.toBe(key);
	});

	test('the fingerprint is stable and tells texts apart', () => {
		expect(fnv64('model.json')).toBe(fnv64('model.json'));
		expect(fnv64('model.json')).toMatch(/^[0-9a-f]{16}$/);
		expect(fnv64('model.json')).not.toBe(fnv64('model.jsoN'));
	});
});

describe('the switches', () => {
	test('the defaults are the engine defaults', () => {
		expect(visSettings(DEFAULT_OPTIONS)).toEqual(DEFAULT_FEATURE_VIS);
	});
	test('robustness off removes jitter, scaling and rotation; the diverse set is a batch with a diversity term; the sign passes', () => {
		const s = visSettings({ ...DEFAULT_OPTIONS, robust: false, diverse: true, sign: -1, fourier: false });
		expect(s).toMatchObject({ jitter: 0, scales: [1], rotateDegrees: 0, batch: DIVERSE_BATCH, sign: -1, fourier: false });
		expect(s.diversity).toBeGreaterThan(0);
	});
});

describe('a run', () => {
	const request = { layer: 'inception_4c/output', channel: 3, settings: { ...DEFAULT_FEATURE_VIS, steps: 8, size: 64 } };

	test('a miss runs one job, shows progress, keeps the finished picture; the same request again is a hit with no job', async () => {
		const { client, jobs } = fakeClient();
		const store = memoryStore();
		const run = new VisRun(() => client, store, async () => 'weights-a');
		const started = run.start(request);
		await tick();
		expect(jobs.length).toBe(1);
		expect(run.status).toBe('running');
		expect(run.step).toBe(1);
		jobs[0]!.finish();
		await started;
		expect(run.status).toBe('done');
		expect(store.size).toBe(1);

		const again = new VisRun(() => client, store, async () => 'weights-a');
		await again.start(request);
		expect(jobs.length).toBe(1);
		expect(again.status).toBe('cached');
		expect(again.images[0]?.data[0]).toBe(9);
		expect(again.value).toBe(2.5);

		// Other weights are a miss.
		const other = new VisRun(() => client, store, async () => 'weights-b');
		void other.start(request);
		await tick();
		expect(jobs.length).toBe(2);
	});

	test('stop ends the job; the last picture stays and nothing is cached', async () => {
		const { client, jobs } = fakeClient();
		const store = memoryStore();
		const run = new VisRun(() => client, store, async () => 'w');
		const started = run.start(request);
		await tick();
		run.stop();
		await started;
		expect(jobs[0]!.stopped).toBe(true);
		expect(run.status).toBe('stopped');
		expect(run.images[0]?.data[0]).toBe(1);
		expect(store.size).toBe(0);
	});

	test('the direction is carried by the settings only, so a negative run is not turned positive again', async () => {
		const { client, jobs } = fakeClient();
		const run = new VisRun(() => client, memoryStore(), async () => null);
		void run.start({ ...request, settings: { ...request.settings, sign: -1 } });
		await tick();
		expect(jobs[0]!.settings.sign).toBe(-1);
		expect(jobs[0]!.objective).toEqual({ kind: 'channel', tap: 'inception_4c/output', channel: 3 });
	});
});
