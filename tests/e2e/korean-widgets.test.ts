// The chapters' widgets on the Korean pages, answering their controls in Korean: what the whole-page
// check (korean.test.ts) cannot see, because it only opens the pages: chart axes and legends drawn
// by Plot (short words no run detector counts), the states a control opens, and the widgets that
// run the real network (opened here, on the WASM backend), with their numbers as the English has them.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

async function openKoreanChapter(slug: string, width = 1280) {
	const watched = await openPage(browser(), { width, height: 900 });
	await watched.page.goto(`${baseURL}/ko/chapters/${slug}/?backend=wasm`, { waitUntil: 'networkidle' });
	await watched.page.locator('article.chapter[data-hydrated]').waitFor();
	return watched;
}

async function setRange(input: Locator, value: number) {
	await input.evaluate((el, v) => {
		const range = el as HTMLInputElement;
		range.value = String(v);
		range.dispatchEvent(new Event('input', { bubbles: true }));
	}, value);
}

const widget = (page: Page, id: string) => page.locator(`[data-widget="${id}"]`);
const text = async (l: Locator) => (await l.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
const chartText = (w: Locator) => w.locator('.plot svg').first().evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''));

describe('the Korean chapters’ widgets', () => {
	test('chapter 3: the sparse matrix reordered by cluster, in Korean', async () => {
		const { page, errors } = await openKoreanChapter('motivation');
		const w = widget(page, 'sparse-dense');
		expect(await text(w.locator('.label'))).toBe('희소 연결, 밀집 블록');
		await w.getByRole('radio', { name: '군집별로' }).check();
		await expect.poll(() => text(w.locator('[data-measure="blocks"]'))).toMatch(/^블록 4개, 항목 \d+개: 전체 행렬 계산량의 \d+%$/);
		expect(await w.locator('svg[role="img"]').getAttribute('aria-label')).toBe('유닛 24개의 연결 행렬, 군집별로 정렬');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('chapter 6: the schedule’s axes and readout, and the patches, in Korean', async () => {
		const { page, errors } = await openKoreanChapter('training');
		const lr = widget(page, 'lr-schedule');
		await lr.locator('.plot svg').first().waitFor();
		expect(await chartText(lr)).toEqual(expect.arrayContaining(['에폭 →', '↑ 학습률 ÷ 처음 값', '절반']));
		await setRange(lr.getByRole('slider', { name: '에폭' }), 80);
		await expect.poll(() => text(lr.locator('[data-measure="rate"]'))).toBe('(처음 학습률의 66.5%)');
		expect(await text(lr.locator('.now'))).toMatch(/^80에폭 뒤: 감소 10번,/);

		const patches = widget(page, 'patch-sampler');
		await patches.getByRole('button', { name: '패치 하나 더 뽑기' }).first().click();
		await expect.poll(() => patches.locator('[data-draws]').getAttribute('data-draws')).toBe('1');
		expect(await text(patches.locator('[data-measure="area"]'))).toMatch(/^사진의 \d+\.\d%$/);
		await patches.getByRole('radio', { name: '커피' }).check();
		await expect.poll(() => patches.locator('img').getAttribute('alt')).toBe('에스프레소 한 잔');
		// The photographer's name stays English, marked as such.
		expect(await patches.locator('.credit [lang="en"]').allTextContents()).toEqual(['Rachel Michetti', 'Pikolo Espresso Bar']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('chapter 7: the 144 crops named in Korean, the boxes’ numbers as in English', async () => {
		const { page, errors } = await openKoreanChapter('classification');
		const w = widget(page, 'crops');
		expect(await text(w.locator('[data-measure="count"]'))).toBe('크기 4가지 × 정사각형 3개 × 크롭 6개 × 2(반전 여부) = 크롭 144개');
		await w.getByRole('radio', { name: '352' }).check();
		await w.getByRole('checkbox', { name: '좌우 반전' }).check();
		const whole = w.locator('li[data-kind="whole square"]');
		await expect.poll(() => text(whole.locator('span').first())).toBe('정사각형 전체, 좌우 반전');
		expect(await text(whole.locator('.box'))).toBe('(88, 0)에서 352×352');
		expect(await w.getByRole('radio', { name: '가운데' }).isChecked()).toBe(true);
		// Table 3's series named in Korean in the legend, and drawn (the colour scale knows them).
		const t3 = widget(page, 'table3');
		await t3.locator('.plot svg').first().waitFor();
		expect(await t3.locator('.plot').innerText()).toContain('모델 7개');
		expect(await t3.locator('.plot svg [stroke]').evaluateAll((els) => els.filter((e) => e.tagName === 'path' && e.getAttribute('stroke')?.startsWith('#')).length)).toBeGreaterThanOrEqual(2);
		expect(await t3.locator('td.bad').allTextContents()).toEqual(['−3.40%']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('chapter 8: the detection tables’ cells in Korean, names and figures as printed', async () => {
		const { page, errors } = await openKoreanChapter('detection');
		const w = widget(page, 'detection');
		const uva = w.locator('tr[data-team="UvA-Euvision"] td');
		expect(await uva.allTextContents()).toEqual(['22.6%', '2013', '1위', '없음', '?', '피셔 벡터']);
		await w.getByRole('radio', { name: '표 5: 단일 모델' }).check();
		await expect.poll(() => w.locator('tr[data-team="Deep Insight"] td').allTextContents()).toEqual(['40.2%', '예', '예']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('chapters 3 and 7 with the real network: the correlation readout and the crop average in Korean', async () => {
		const { page, errors } = await openKoreanChapter('motivation');
		const corr = widget(page, 'channel-correlation');
		await corr.getByRole('button', { name: '샘플 사진으로 실제 네트워크 돌리기' }).click();
		const readout = corr.getByTestId('correlation-readout');
		await readout.waitFor({ timeout: 180_000 });
		expect(await text(readout)).toMatch(/^inception_3a\/output: 채널 256개\. 이 순서에서 이웃한 채널끼리의 평균 상관관계: r = −?\d\.\d\d\(네트워크 순서 그대로: r = −?\d\.\d\d\)\.$/);
		expect(await text(corr.getByTestId('correlation-control-readout'))).toMatch(/^섞은 대조군, 군집 순서: r = /);
		await page.goto(`${baseURL}/ko/chapters/classification/?backend=wasm`, { waitUntil: 'networkidle' });
		await page.locator('article.chapter[data-hydrated]').waitFor();
		const avg = widget(page, 'crop-average');
		await avg.getByRole('button', { name: '네트워크 불러오기' }).click();
		await avg.getByTestId('crops-averaged').waitFor({ timeout: 180_000 });
		expect(await text(avg.locator('[data-testid="crops-single"] figcaption'))).toBe('크롭 1개(가운데)');
		expect(await text(avg.locator('[data-testid="crops-averaged"] figcaption'))).toBe('크롭 10개 평균');
		expect(await avg.getByRole('radio', { name: '크롭 144개' }).count()).toBe(1);
		// The file input's own button (written in the browser's language) is hidden behind one in Korean.
		expect(await text(avg.locator('label.file'))).toBe('또는 내 사진: 사진 고르기…');
		expect(errors).toEqual([]);
		await page.close();
	}, 400_000);
});
