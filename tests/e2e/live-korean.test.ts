// /ko/live/ in the states the page check (korean.test.ts) does not reach: the 144 crops' grid, the
// softmax as named bars, refused and damaged photos, the camera's refusal, an address refusal, a
// missing backend's reason, and the site without weights. Each state has no English left (both of
// korean-inspect's detectors, at 1280 and 360 px) and reads in Korean where it matters.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { CATALOGUES } from '../../src/lib/i18n/translate';
import { openPage, useBrowser } from './browser';
import { describeFindings, inspect } from './korean-inspect';
import { ENGLISH_MESSAGES } from './english-messages';
import { nextResult } from './live-page';
import type { Page } from 'playwright-core';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** English left on the page, at 1280 and at 360 px (one line each, as korean.test.ts writes them). */
async function englishLeft(page: Page, state: string): Promise<string[]> {
	await page.setViewportSize({ width: 1280, height: 800 });
	const wide = await page.evaluate(inspect, ENGLISH_MESSAGES);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.waitForTimeout(100);
	const narrow = await page.evaluate(inspect, ENGLISH_MESSAGES);
	await page.setViewportSize({ width: 1280, height: 800 });
	expect([wide.scroll, narrow.scroll]).toEqual([null, null]);
	return [...describeFindings(`/ko/live/ (${state})`, 1280, wide.english), ...describeFindings(`/ko/live/ (${state})`, 360, narrow.english)];
}

const hangul = /[가-힣]/;

describe('/ko/live/ in Korean, state by state', () => {
	test('an address refusal, the 144 crops, the softmax by name, a refused and a damaged photo, the camera refused', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/ko/live/?backend=wasm&image=dog&layer=prob&crops=144`);
		// The address's refusal, in Korean.
		await expect.poll(() => page.getByTestId('notice').first().innerText(), { timeout: 60_000 }).toContain('image=dog: 예시 사진 중 하나여야 한다');
		await nextResult(page, 0, 120_000);
		// The softmax: bars named by the Korean class names.
		const bars = page.getByTestId('vector-bars');
		await bars.waitFor();
		expect(await bars.locator('figcaption').innerText()).toMatch(/^클래스 1000개 중 가능성이 가장 높은 15개:/);
		expect(await bars.locator('li .label').first().innerText()).toMatch(hangul);
		// The top 5: the Korean name, its English beside it marked as English.
		const first = page.getByTestId('top5-single').locator('li .label').first();
		expect(await first.innerText()).toMatch(hangul);
		expect(await first.locator('[lang="en"]').innerText()).toBe('Egyptian cat');
		// The 144 crops, each named in Korean.
		await expect.poll(() => page.getByTestId('crop-agreement').count(), { timeout: 180_000 }).toBe(1);
		expect(await page.getByTestId('crop-readout').innerText()).toMatch(/^크롭 144개 중 1번째: 256, (왼쪽|위) 정사각형, 왼쪽 위/);
		expect(await page.locator('[data-crop="1"]').getAttribute('aria-label')).toMatch(/좌우 반전: /);
		// conv1's filters, counted from the plan.
		expect(await page.locator('#filters-heading').innerText()).toBe('첫 층의 필터 64개');
		expect(await page.getByTestId('conv1-filters').getAttribute('aria-label')).toBe('conv1의 필터 64개(각 7×7)');
		expect(await englishLeft(page, 'crops and softmax')).toEqual([]);

		// A text file as a photo, then a damaged PNG: refused in Korean, the result kept.
		await page.getByTestId('image-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('remember the milk\n') });
		await expect
			.poll(() => page.getByTestId('image-error').innerText())
			.toBe('notes.txt 파일(text/plain)은 그림이 아니다. PNG, JPEG, WebP, GIF 중 하나를 주어야 한다. 이전 그림과 결과는 그대로 둔다.');
		const png = readFileSync('static/samples/coffee.png').subarray(0, 64);
		await page.getByTestId('image-input').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: png });
		await expect.poll(() => page.getByTestId('image-error').innerText()).toMatch(/^broken\.png/);
		expect(await page.getByTestId('image-error').innerText()).toMatch(hangul);
		// The camera: headless Chromium has none, or refuses it; either way, said in Korean.
		await page.getByRole('button', { name: CATALOGUES.ko['live.camera.use'] }).click();
		await page.getByTestId('webcam-error').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('webcam-error').innerText()).toMatch(hangul);
		expect(await englishLeft(page, 'refusals')).toEqual([]);
		expect(errors.filter((e) => !/getUserMedia|camera|Requested device/i.test(e))).toEqual([]);
		await page.close();
	}, 400_000);

	test('a backend this browser lacks: its reason and the notice in Korean', async () => {
		const { page, errors } = await openPage(browser());
		await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined }));
		await page.goto(`${baseURL}/ko/live/?backend=webgpu`);
		await expect.poll(() => page.getByTestId('notice').first().innerText(), { timeout: 60_000 }).toMatch(/^여기서는 WebGPU 백엔드를 쓸 수 없어\(.*[가-힣].*\) WebGL에서 실행한다\./);
		expect(await page.getByTestId('backend-reasons').innerText()).toMatch(/^WebGPU 사용 불가: .*[가-힣]/);
		expect(await englishLeft(page, 'no WebGPU')).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	test('with no weights on the site: how to add them, in Korean', async () => {
		const { page, errors } = await openPage(browser());
		await page.route('**/models/googlenet/*/model.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
		await page.goto(`${baseURL}/ko/live/?backend=wasm`);
		const panel = page.getByTestId('no-weights');
		await panel.waitFor({ timeout: 60_000 });
		expect(await panel.locator('h2').innerText()).toBe(CATALOGUES.ko['live.weights.missing']);
		expect(await panel.innerText()).toContain('npm run weights -- --from PATH');
		expect(await page.getByTestId('result').innerText()).toContain(CATALOGUES.ko['live.result.empty']);
		expect(await englishLeft(page, 'no weights')).toEqual([]);
		expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
		await page.close();
	}, 120_000);
});
