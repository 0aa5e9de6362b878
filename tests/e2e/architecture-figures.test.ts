// The architecture page writes each figure one way: the charts' ops are the summary's (powers of
// 1000 under either K); on a phone the charts are in the page's flow and the totals stay in view
// beside the switches; the keyboard hint shows only where there is a keyboard.
import { describe, expect, inject, test } from 'vitest';
import { networkCost } from '../../src/lib/core/cost';
import { opsText } from '../../src/lib/view/figures';
import { useBrowser } from './browser';
import { openArchitecture, settle } from './architecture-page';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** The running-totals chart's end labels, once it is drawn. */
async function chartEnds(page: import('playwright-core').Page): Promise<string[]> {
	const figure = page.locator('.side figure').nth(1);
	await figure.evaluate((el) => el.scrollIntoView());
	await figure.locator('svg').waitFor();
	await settle(page);
	return figure.evaluate((el) => [...el.querySelectorAll('svg text')].map((e) => e.textContent ?? '').filter((t) => / (MACs|FLOPs|params)$/.test(t)));
}

describe('the architecture page’s figures', () => {
	for (const { query, naive, kilo } of [
		{ query: '', naive: 'none', kilo: 1024 },
		{ query: '?naive=all', naive: 'all', kilo: 1024 },
		{ query: '?naive=all&k=1000', naive: 'all', kilo: 1000 }
	] as const) {
		test(`the summary and the running totals write the same ops (${naive} naive, K = ${kilo})`, async () => {
			const { page, errors } = await openArchitecture(browser(), query);
			const expected = opsText(networkCost({ naive }).total.macs, { unit: 'macs', kilo });
			expect(expected).toBe(naive === 'all' ? '12.5G' : '1.5G');
			const summary = await page.locator('.summary').first().innerText();
			expect(summary).toContain(`(${expected})`);
			expect(await chartEnds(page)).toContain(`${expected} MACs`);
			expect(errors).toEqual([]);
			await page.close();
		});
	}

	test('on a phone the charts and the export links are in the page’s flow, and the totals stay in view', async () => {
		const { page, errors } = await openArchitecture(browser(), '', { width: 360, height: 740 });
		const side = await page.locator('.side').evaluate((el) => {
			const s = getComputedStyle(el);
			return { position: s.position, overflow: s.overflowY, clipped: el.scrollHeight > el.clientHeight + 1 };
		});
		expect(side).toEqual({ position: 'static', overflow: 'visible', clipped: false });
		await page.getByRole('link', { name: /CSV/ }).scrollIntoViewIfNeeded();
		expect(await page.getByRole('link', { name: /CSV/ }).isVisible()).toBe(true);
		// Scrolled down to a module's switch, the totals are still on screen.
		await page.locator('button[data-node="inception_4e"]').scrollIntoViewIfNeeded();
		const top = await page.locator('.summary').first().evaluate((el) => el.getBoundingClientRect().top);
		expect(top).toBeGreaterThanOrEqual(0);
		expect(top).toBeLessThan(10);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the charts column is not a box of its own at 1280 px either', async () => {
		const { page } = await openArchitecture(browser());
		const side = await page.locator('.side').evaluate((el) => ({ position: getComputedStyle(el).position, clipped: el.scrollHeight > el.clientHeight + 1 }));
		expect(side).toEqual({ position: 'static', clipped: false });
		await page.close();
	});

	test('the keyboard hint shows with a mouse and a keyboard, not on a touch screen', async () => {
		const desk = await openArchitecture(browser());
		expect(await desk.page.locator('.key .keys').isVisible()).toBe(true);
		await desk.page.close();
		const context = await browser().newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto(`${baseURL}/architecture/`);
		await page.waitForSelector('[data-ready="true"]');
		expect(await page.locator('.key .keys').isVisible()).toBe(false);
		await context.close();
	});
});
