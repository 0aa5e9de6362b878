// /ko/architecture/ in the states its own parts show (the diagram, its nodes and key, the controls,
// the totals, a node's details with a module switched to naive and a refused what-if, an address
// refusal, a node's activations): no English left in them, at 1280 and 360 px, and every Korean
// label fits its box (no ellipsis, no clamped line, no overlap). Other owners' widgets on the page
// (the charts, the photo picker, the live page's channel grid) are removed before looking: the
// whole-page check is tests/e2e/korean.test.ts.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';
import { describeFindings, inspect } from './korean-inspect';
import { ENGLISH_MESSAGES } from './english-messages';
import { overlappingLabels, settle } from './architecture-page';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Takes out what other owners convert (charts, photo picker, top 5, channel grid and detail, header/footer). */
async function onlyMine(page: Page) {
	await page.evaluate(() => {
		for (const el of document.querySelectorAll(
			'aside.side .charts, details.picker, [data-testid="architecture-top5"], [data-testid="node-activations"] .split, header, footer'
		))
			el.remove();
	});
}

/** Diagram labels cut short: an ellipsis or a clamped second line. */
async function cutLabels(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.diagram [data-label]')]
			// Wider than its box (an ellipsis), or, for a title clamped to two lines, taller by a line.
			.filter((el) => el.getClientRects().length && (el.scrollWidth > el.clientWidth + 0.5 || el.scrollHeight > el.clientHeight + 4))
			.map((el) => `${el.closest('[data-node]')?.getAttribute('data-node')}: ${el.textContent}`)
	);
}

async function look(page: Page, path: string) {
	const out: string[] = [];
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: width === 1280 ? 800 : 740 });
		await settle(page);
		out.push(...describeFindings(path, width, (await page.evaluate(inspect, ENGLISH_MESSAGES)).english));
		out.push(...(await cutLabels(page)).map((l) => `${width}px cut: ${l}`));
		out.push(...(await overlappingLabels(page)).map((l) => `${width}px overlap: ${l}`));
	}
	return out;
}

describe('/ko/architecture/ in its states', () => {
	test('modules open, 4c naive, a refused what-if and address: Korean throughout, labels fit', async () => {
		const { page, errors } = await openPage(browser(), { width: 1280, height: 800 });
		const query = '?open=all,loss1,loss2&naive=4c&layer=inception_4c/3x3&shade=colour&activations=off';
		await page.goto(`${baseURL}/ko/architecture/${query}`);
		await page.waitForSelector('[data-ready="true"]');
		await page.waitForSelector('svg.ribbons path');
		// The address's refusal, in Korean.
		await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('주소에서 거부됨: shade=colour: macs, params 가운데 하나여야 한다');
		const detail = page.locator('[data-testid="node-detail"][data-node="inception_4c/3x3"]');
		await detail.waitFor();
		expect(await detail.innerText()).toContain('단순형 (2a)');
		// A what-if refused: zero filters in the 1×1 branch.
		const count = detail.getByRole('textbox', { name: '인셉션 (4c), #1x1' });
		await count.fill('0');
		await count.press('Enter');
		await expect
			.poll(() => detail.getByRole('alert').innerText())
			.toContain('4c, 1×1 가지 (inception_4c/1x1): 필터가 0개면 네트워크가 둘로 끊긴다');
		// The nodes' accessible names are Korean too.
		expect(await page.locator('button[data-node="inception_4c"]').getAttribute('aria-label')).toMatch(/^▸?인셉션 \(4c\), .*단순형/);
		await onlyMine(page);
		expect(await look(page, '/ko/architecture/')).toEqual([]);
		// Control: a title too long for its box is caught.
		await page.evaluate(() => {
			document.querySelector('button[data-node="pool2/3x3_s2"] .title')!.textContent = '아주 긴 제목이 상자 폭을 넘는다면 잡혀야 한다';
		});
		expect(await cutLabels(page)).toEqual(['pool2/3x3_s2: 아주 긴 제목이 상자 폭을 넘는다면 잡혀야 한다']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a node selected with activations on: the heading, caption and scale switch in Korean', async () => {
		const { page, errors } = await openPage(browser(), { width: 1280, height: 800 });
		await page.goto(`${baseURL}/ko/architecture/?layer=inception_3a/3x3&backend=wasm`);
		await page.waitForSelector('[data-ready="true"]');
		const acts = page.getByTestId('node-activations');
		await acts.getByTestId('channel-grid').waitFor({ timeout: 120_000 });
		expect(await acts.locator('h3').innerText()).toBe('활성화: 인셉션 (3a), 3×3 가지: 3×3 합성곱');
		expect(await acts.locator('.caption').innerText()).toMatch(/^지금 사진에 대한 28×28 채널 128개\./);
		expect(await page.locator('#activations-heading').innerText()).toBe('일하는 네트워크');
		await onlyMine(page);
		expect(await look(page, '/ko/architecture/?layer=inception_3a/3x3')).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});
});
