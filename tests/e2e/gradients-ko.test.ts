// The gradient widgets in the Korean edition, in the states the whole-page check (korean.test.ts)
// does not reach: on /ko/live/ the top 5 explained (Grad-CAM), the randomization check run and a
// short DeepDream finished, then the channel view's feature-visualization panel opened. No
// English interface text in these widgets, class names in Korean, at 1280 and 360 px.
// With SHOTS=dir set, screenshots of the section are written there (for a person to look at).
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';
import { describeFindings, inspect } from './korean-inspect';
import { ENGLISH_MESSAGES } from './english-messages';
import { nextResult } from './live-page';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Findings inside these widgets (the rest of /ko/live/ is another owner's). */
const MINE = /data-(testid|widget)="(dream|attribution|vis-|feature-vis)|id="(why|dream)-heading"/;

async function englishInMine(page: Page, width: number): Promise<string[]> {
	const found = await page.evaluate(inspect, ENGLISH_MESSAGES);
	return describeFindings('/ko/live/', width, found.english.filter((f) => MINE.test(f.where)));
}

async function shot(page: Page, name: string): Promise<void> {
	const dir = process.env.SHOTS;
	if (!dir) return;
	await page.locator('section[aria-labelledby="why-heading"]').screenshot({ path: `${dir}/${name}-why.png` });
	await page.locator('section[aria-labelledby="dream-heading"]').screenshot({ path: `${dir}/${name}-dream.png` });
}

describe('the gradient widgets in Korean', () => {
	test('/ko/live/: maps, the check, a dream and the feature-visualization panel, with no English left', async () => {
		const { page, errors } = await openPage(browser(), { width: 1280, height: 900 });
		await page.goto(`${baseURL}/ko/live/?image=chelsea&backend=wasm&layer=inception_4c/output`);
		await nextResult(page, 0, 120_000);
		// Explain the top 5: five maps labelled with the classes' Korean names, as the top 5 shows them.
		await page.getByTestId('attribution-run').click();
		await page.getByTestId('attribution-map').nth(4).waitFor({ timeout: 240_000 });
		const labels = await page.getByTestId('attribution-map-label').allInnerTexts();
		expect(labels).toHaveLength(5);
		expect(labels.filter((l) => /[가-힣]/.test(l)).length).toBeGreaterThanOrEqual(4);
		expect(await page.getByTestId('attribution-shown').innerText()).toMatch(/^inception_5b\/output에서 Grad-CAM/);
		// The randomization check, its verdict in Korean with the same computed correlation.
		await page.getByTestId('attribution-check-run').click();
		const verdict = page.getByTestId('attribution-check-verdict');
		await verdict.waitFor({ timeout: 240_000 });
		const rho = await verdict.getAttribute('data-rho');
		const text = await verdict.innerText();
		if (rho) expect(text).toMatch(/^두 맵의 스피어먼 순위 상관: −?\d\.\d\d/);
		else expect(text).toMatch(/^무작위 가중치에서는 맵이 비었다/);
		// A short dream, its progress and end in Korean; the cost beside the size is said before it starts.
		const dream = page.getByTestId('dream');
		expect(await dream.getByTestId('dream-size').inputValue()).toBe('224');
		await dream.getByTestId('dream-size').selectOption('128');
		await dream.getByTestId('dream-octaves').selectOption('1');
		await dream.getByTestId('dream-steps').selectOption('2');
		expect(await dream.getByTestId('dream-cost').innerText()).toMatch(/^기울기 단계 2번: 224×224 그림 기준으로 [\d.]+단계만큼의 계산량\.$/);
		await dream.getByTestId('dream-start').click();
		await expect
			.poll(() => dream.getByTestId('dream-progress').innerText(), { timeout: 180_000, interval: 250 })
			.toBe('완료: inception_4c/output에서 옥타브 1개, 옥타브마다 2단계.');
		// After a run the cost line adds the time the next run should take here.
		expect(await dream.getByTestId('dream-cost').innerText()).toMatch(/이 기기에서 약 [\d.]+ s\.$/);
		await shot(page, 'ko-1280');
		const wide = await englishInMine(page, 1280);
		// The channel view's "what does it look for?" panel, opened (nothing computed).
		const grid = page.getByTestId('channel-grid');
		await grid.scrollIntoViewIfNeeded();
		await page.waitForFunction(() => Number(document.querySelector('[data-testid="channel-grid"]')?.getAttribute('data-drawn')) > 0);
		await grid.locator('[data-channel-button="7"]').click();
		await page.getByTestId('vis-open').click();
		await page.getByTestId('feature-vis').waitFor();
		expect(await page.getByTestId('vis-start').innerText()).toBe('그림 만들기');
		if (process.env.SHOTS) await page.getByTestId('feature-vis').screenshot({ path: `${process.env.SHOTS}/ko-1280-vis.png` });
		await page.setViewportSize({ width: 360, height: 740 });
		await page.waitForTimeout(100);
		await shot(page, 'ko-360');
		if (process.env.SHOTS) await page.getByTestId('feature-vis').screenshot({ path: `${process.env.SHOTS}/ko-360-vis.png` });
		const narrow = await englishInMine(page, 360);
		const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
		expect({ english: [...wide, ...narrow.filter((l) => !wide.includes(l.replace('@360px', '@1280px')))], errors }).toEqual({ english: [], errors: [] });
		expect(scroll).toBeLessThanOrEqual(client as number);
		await page.close();
	}, 600_000);

	test('the appendix’s widgets in Korean: the photo picker’s button in the page’s language; a file that is not an image is refused in one line and the photo stays', async () => {
		const { page, errors } = await openPage(browser(), { width: 1280, height: 900 });
		await page.goto(`${baseURL}/ko/chapters/feature-visualization/`, { waitUntil: 'networkidle' });
		const widget = page.locator('[data-widget="dream-widget"]');
		await page.getByTestId('dream-widget-sample').waitFor();
		// Until the appendix has its Korean text it falls back to the English chapter, marked lang="en",
		// which would exempt the widgets inside it from the check: they are Korean interface all the same.
		await page.evaluate(() => document.querySelectorAll('article[lang="en"], article [lang="en"]:has(.widget)').forEach((a) => a.removeAttribute('lang')));
		expect(await page.getByTestId('dream-widget-dream').getByRole('button', { name: '꿈꾸기' }).isVisible()).toBe(true);
		expect(await widget.locator('.pick').innerText()).toBe('사진 고르기…');
		// The sample is decoded: DeepDream can start (the weights are only fetched when it does).
		await expect.poll(() => page.getByTestId('dream-widget-dream-start').isEnabled(), { timeout: 30_000 }).toBe(true);
		const cost = await page.getByTestId('dream-widget-dream-cost').innerText();
		expect(cost).toMatch(/^기울기 단계 40번: 224×224 그림 기준으로 [\d.]+단계만큼의 계산량\.$/);
		await page.getByTestId('dream-widget-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('remember the milk\n') });
		const refused = page.getByTestId('dream-widget-photo-error');
		await refused.waitFor();
		expect(await refused.innerText()).not.toContain('\n');
		expect(await page.getByTestId('dream-widget-sample').inputValue()).toBe('chelsea.png');
		expect(await page.getByTestId('dream-widget-dream-start').isEnabled()).toBe(true);
		expect(await page.getByTestId('dream-widget-dream-cost').innerText()).toBe(cost);
		if (process.env.SHOTS) await widget.screenshot({ path: `${process.env.SHOTS}/ko-1280-appendix-dream.png` });
		const wide = (await page.evaluate(inspect, ENGLISH_MESSAGES)).english.filter((f) => MINE.test(f.where));
		await page.setViewportSize({ width: 360, height: 740 });
		await page.waitForTimeout(100);
		if (process.env.SHOTS) await widget.screenshot({ path: `${process.env.SHOTS}/ko-360-appendix-dream.png` });
		const narrow = (await page.evaluate(inspect, ENGLISH_MESSAGES)).english.filter((f) => MINE.test(f.where));
		expect({ wide, narrow, errors }).toEqual({ wide: [], narrow: [], errors: [] });
		await page.close();
	}, 120_000);
});
