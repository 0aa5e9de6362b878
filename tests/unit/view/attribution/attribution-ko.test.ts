// The gradient widgets' sentences in the Korean edition (the English stays as the other tests
// read it), the DeepDream cost beside its size control, and the one job runner the three widgets share.
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '$lib/i18n/translate';
import { LocalizedError } from '$lib/i18n/localized-error';
import { caveat, classLabel, methodName } from '$lib/view/attribution/methods';
import { DEFAULT_DREAM_LAYER, DREAM_LAYERS, layerGroup, layerProblem, RANDOMIZE_FROM, randomizeLabel } from '$lib/view/attribution/layers';
import { verdict } from '$lib/view/attribution/verdict';
import { oneLine } from '$lib/view/attribution/client';
import { dreamWork, msPerStep, PAGE_DREAM_SIDE } from '$lib/view/attribution/dream-cost';
import { GradientTask } from '$lib/view/attribution/task.svelte';
import type { GradientClient, GradientJob } from '$lib/engine/browser/gradient-client';

const ko = (key: MessageKey, params?: Params) => translate('ko', key, params);
const latinWords = (s: string) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['Grad', 'CAM', 'Simonyan', 'Shrikumar', 'Selvaraju', 'inception', 'output', 'loss', 'classifier'].includes(w));

describe('in Korean', () => {
	it('names the methods and their caveats, the Grad-CAM grid still read from the plan', () => {
		expect(methodName('saliency', ko)).toBe('기울기 세일리언시');
		expect(methodName('gradcam', ko)).toBe('Grad-CAM');
		expect(caveat('gradcam', 'inception_4c/output', ko)).toContain('격자는 14×14,');
		expect(caveat('gradcam', 'inception_5b/output', ko)).toContain('7×7');
		expect(caveat('saliency', 'inception_5b/output', ko)).toContain('224×224');
		for (const m of ['gradcam', 'saliency'] as const) expect(latinWords(caveat(m, 'inception_5b/output', ko))).toEqual([]);
	});

	it('words the randomization choices and the verdict, with the same computed correlation', () => {
		expect(randomizeLabel(RANDOMIZE_FROM[0]!.value, ko)).toBe('분류기 (loss3/classifier)');
		expect(randomizeLabel('inception_5b', ko)).toBe('인셉션 (5b)까지');
		expect(randomizeLabel('inception_5b')).toBe('down to inception (5b)');
		expect(layerGroup('inception_4c/output', ko)).toBe('인셉션 (4c)');
		expect(layerGroup('conv2/3x3')).toBe('conv2');
		const map = (values: number[]) => ({ width: values.length, height: 1, values: new Float32Array(values) });
		const v = verdict(map([0, 0.5, 1]), map([1, 0.5, 0]), -1, ko);
		expect(v).toMatchObject({ rho: -1, changed: true });
		expect(v.text).toContain('−1.00');
		expect(v.text.startsWith('두 맵의 스피어먼 순위 상관')).toBe(true);
		expect(verdict(map([0, 0.5, 1]), map([0, 0.4, 1]), 1, ko).text).toContain('0.9 이상');
	});

	it('refuses a layer in one Korean line, and says what it uses instead', () => {
		const line = layerProblem('inception_9z/output', DREAM_LAYERS, DEFAULT_DREAM_LAYER, ko);
		expect(line).toBe('이 네트워크에 없는 층 이름: “inception_9z/output”. 대신 inception_4c/output 사용.');
		expect(layerProblem('conv1/7x7_s2', ['inception_5b/output'], 'inception_5b/output', ko)).toMatch(/^conv1\/7x7_s2: 여기서는 쓸 수 없다\(제공하는 층 1개에 없다\)/);
	});

	it('shows an engine error raised with a key in the reader’s edition, and a plain one as it came', () => {
		const err = new LocalizedError('dream.workerFailed');
		expect(oneLine(err)).toBe('the gradient worker failed');
		expect(oneLine(err, ko)).toBe('기울기 워커가 실패했다');
		expect(oneLine({ message: 'the gradient worker failed', key: 'dream.workerFailed' }, ko)).toBe('기울기 워커가 실패했다');
		expect(oneLine(new Error('weights truncated\n  at x'), ko)).toBe('weights truncated');
		expect(oneLine(undefined, ko)).toBe('기울기 워커가 실패했다');
	});

	it('labels a class by its Korean ImageNet name, shortened as the top 5 shows it', () => {
		expect(classLabel({ index: 285, label: 'Egyptian cat' })).toBe('Egyptian cat');
		expect(classLabel({ index: 281, label: 'tabby, tabby cat' })).toBe('tabby');
		expect(classLabel({ index: 281, label: 'tabby, tabby cat' }, 'ko')).not.toMatch(/tabby/);
	});
});

describe('DeepDream’s cost', () => {
	it('counts work in 224×224 steps from the octave sizes', () => {
		expect(PAGE_DREAM_SIDE).toBe(224);
		expect(dreamWork([[224, 224]], 10)).toBe(10);
		// A 448 picture is four times the work of a 224 one; the octaves below add their own pixels.
		expect(dreamWork([[448, 448]], 10)).toBe(40);
		expect(dreamWork([[112, 112], [224, 224]], 10)).toBeCloseTo(12.5);
		// The first `done` steps only: 10 small ones and 2 full ones.
		expect(dreamWork([[112, 112], [224, 224]], 10, 12)).toBeCloseTo(4.5);
	});

	it('reads a speed from two progress readings, none from readings that say nothing', () => {
		const sizes: [number, number][] = [[112, 112], [224, 224]];
		expect(msPerStep(sizes, 10, { done: 10, at: 1000 }, { done: 20, at: 6000 })).toBe(500);
		expect(msPerStep(sizes, 10, { done: 4, at: 1000 }, { done: 4, at: 2000 })).toBeNull();
	});
});

describe('the gradient job runner the three widgets share', () => {
	function job<T>(): { job: GradientJob<T>; finish: (v: T) => void; fail: (e: unknown) => void } {
		let finish: (v: T) => void = () => {};
		let fail: (e: unknown) => void = () => {};
		const result = new Promise<T>((res, rej) => {
			finish = res;
			fail = rej;
		});
		const j = {
			result,
			stop: () => {
				const e = new Error('stopped');
				e.name = 'AbortError';
				fail(e);
			}
		} as unknown as GradientJob<T>;
		return { job: j, finish, fail };
	}
	const client = Promise.resolve({} as GradientClient);

	it('is busy while its job runs, ends with the result, and refuses a second job meanwhile', async () => {
		const task = new GradientTask<number>(() => client);
		const j = job<number>();
		const end = task.run(() => j.job);
		await Promise.resolve();
		await Promise.resolve();
		expect(task.busy).toBe(true);
		expect(await task.run(() => job<number>().job)).toEqual({ kind: 'stopped' });
		j.finish(7);
		expect(await end).toEqual({ kind: 'done', value: 7 });
		expect(task.busy).toBe(false);
	});

	it('tells a stop from a failure, and words the failure in the reader’s edition', async () => {
		const task = new GradientTask<number>(() => client);
		const a = job<number>();
		const stopping = task.run(() => a.job);
		await Promise.resolve();
		await Promise.resolve();
		task.stop();
		expect(await stopping).toEqual({ kind: 'stopped' });
		const b = job<number>();
		const failing = task.run(() => b.job, ko);
		await Promise.resolve();
		await Promise.resolve();
		b.fail({ message: 'the gradient worker failed', key: 'dream.workerFailed' });
		expect(await failing).toEqual({ kind: 'failed', message: '기울기 워커가 실패했다' });
		// What the widget makes of the result may fail too: one line, the job over.
		const c = job<number>();
		const checked = task.run(() => c.job, ko, () => {
			throw new Error('the worker returned no map');
		});
		await Promise.resolve();
		await Promise.resolve();
		c.finish(1);
		expect(await checked).toEqual({ kind: 'failed', message: 'the worker returned no map' });
		expect(task.busy).toBe(false);
	});
});
