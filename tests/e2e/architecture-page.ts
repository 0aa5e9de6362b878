// What the architecture page's e2e files share: opening the page ready to use, waiting for its
// animations, reading its figures, and the layout checks (overlapping or clipped labels).
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { networkCost, type CostOptions, type NetworkCost } from '../../src/lib/core/cost';
import { grouped, inUnit } from '../../src/lib/core/format';
import { openPage } from './browser';

const baseURL = inject('baseURL');

export const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
export const node = (page: Page, id: string) => page.locator(`button[data-node="${id}"]`);
export const moduleButton = (page: Page, id: string) => page.getByRole('button', { name: new RegExp(`^inception \\(${id}\\)[,:]`) });

export function layerOf(cost: NetworkCost, name: string) {
	return cost.rows.flatMap((r) => r.layers).find((l) => l.name === name)!;
}
export function headOf(cost: NetworkCost, head: string) {
	return cost.aux.find((a) => a.name === head)!;
}
export const AUX_TITLES = ['avg pool 5×5/3', '1×1 conv 128', 'fc 1024', 'dropout 70%', 'fc 1000', 'softmax'];
export function branchOf(cost: NetworkCost, module: string, branch: string) {
	return cost.rows.find((r) => r.module?.module.name === module)!.module!.branches.find((b) => b.name === branch)!;
}

/** The page at `query`, once the address is applied and the ribbons are drawn. */
export async function openArchitecture(browser: Browser, query = '', viewport?: { width: number; height: number }) {
	const watched = await openPage(browser, viewport);
	await watched.page.goto(`${baseURL}/architecture/${query}`);
	// Ready once the address is applied and the ribbons (client-side d3) are drawn.
	await watched.page.waitForSelector('[data-ready="true"]');
	await watched.page.waitForSelector('svg.ribbons path');
	return watched;
}

/** Waits until nothing in the diagram moves any more (transitions are 450 ms). */
export async function settle(page: Page) {
	await page.waitForTimeout(700);
}

export async function expectTotals(page: Page, options: CostOptions, unit: 'macs' | 'flops' = 'macs') {
	const expected = networkCost(options);
	await expect.poll(() => text(page, 'total-params')).toBe(grouped(expected.total.params));
	await expect.poll(() => text(page, 'total-ops')).toBe(grouped(inUnit(expected.total.macs, unit)));
}

/** Labels inside the auxiliary heads' nodes that are cut short (ellipsis or a clamped line). */
export async function truncatedAuxLabels(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.diagram button[data-node^="loss"] [data-label]')]
			.filter((el) => el.scrollWidth > el.clientWidth + 0.5 || el.scrollHeight > el.clientHeight + 0.5)
			.map((el) => el.textContent ?? '')
	);
}

/** Text labels of the diagram that overlap another one, pairwise by bounding box. */
export async function overlappingLabels(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const boxes = [...document.querySelectorAll('.diagram [data-label]')]
			.map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }))
			.filter((b) => b.r.width > 0 && b.r.height > 0);
		const hits: string[] = [];
		for (let i = 0; i < boxes.length; i += 1)
			for (let j = i + 1; j < boxes.length; j += 1) {
				const a = boxes[i].r;
				const b = boxes[j].r;
				if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
					hits.push(`${boxes[i].text} / ${boxes[j].text}`);
			}
		return hits;
	});
}
