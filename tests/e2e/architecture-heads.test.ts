// The auxiliary heads on the architecture page: one opens in place into its six layers, a layer
// inside is selected and its arithmetic read, it closes again, and a link restores it. Every
// expected number comes from the cost model itself.
import { describe, expect, test } from 'vitest';
import { networkCost } from '../../src/lib/core/cost';
import { grouped } from '../../src/lib/core/format';
import { opsArithmetic } from '../../src/lib/view/arithmetic';
import { AUX_TITLES, headOf, node, openArchitecture, settle, text, truncatedAuxLabels } from './architecture-page';
import { useBrowser } from './browser';

const browser = useBrowser();
const open = (query = '') => openArchitecture(browser(), query);

describe('architecture page, auxiliary heads', () => {
	test('opens an auxiliary head in place, selects a layer, writes out its arithmetic and closes it', async () => {
		const { page, errors } = await open();
		const cost = networkCost();
		const head = headOf(cost, 'loss1');
		const ids = head.layers.map((l) => l.name);
		expect(await node(page, 'loss1').getAttribute('aria-expanded')).toBe('false');
		expect(await node(page, ids[0]).count()).toBe(0);
		await node(page, 'loss1').click();
		await expect.poll(() => node(page, 'loss1').getAttribute('aria-expanded')).toBe('true');
		for (const [i, id] of ids.entries()) {
			await expect.poll(() => node(page, id).count()).toBe(1);
			expect(await node(page, id).innerText()).toContain(AUX_TITLES[i]);
			expect(await node(page, id).getAttribute('aria-label')).toMatch(/^loss1 head .*, \d+×\d+×\d+, .*, training only$/);
		}
		expect(await node(page, 'loss2/fc').count()).toBe(0);
		// Ribbons from the head down through its layers, channel counts on them.
		const ribbons = page.locator('svg.ribbons path[data-edge^="loss1/"]');
		await expect.poll(() => ribbons.count()).toBe(6);
		expect(await ribbons.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-channels')))).toEqual(['512', '512', '128', '1024', '1024', '1000']);
		await expect.poll(() => page.locator('svg.ribbons text[data-edge^="loss1/"]').allTextContents()).toEqual(['512', '512', '128', '1024', '1024', '1000']);
		await expect.poll(() => page.url()).toContain('open=loss1');
		await settle(page);
		// Each layer sits below the one before it, in the side column beside the spine.
		const boxes = await Promise.all(['inception_4a', 'loss1', ...ids].map(async (id) => (await node(page, id).boundingBox())!));
		const [spine, ...column] = boxes;
		for (let i = 1; i < column.length; i += 1) {
			expect(column[i].x).toBeCloseTo(column[0].x, 0);
			expect(column[i].y).toBeGreaterThan(column[i - 1].y + column[i - 1].height);
		}
		expect(column[0].x).toBeGreaterThan(spine.x + spine.width);
		expect((await node(page, 'inception_4b').boundingBox())!.y).toBeGreaterThan(column.at(-1)!.y + column.at(-1)!.height);

		// A layer inside, hovered and then selected, exactly as a layer inside a module.
		await node(page, 'loss1/fc').hover();
		await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('loss1 head · fc 1024');
		expect(await page.getByRole('tooltip').innerText()).toContain(grouped(headOf(cost, 'loss1').layers[2].macs));
		await node(page, 'loss1/conv').click();
		const layer = head.layers[1];
		const detail = page.getByTestId('node-detail');
		await expect.poll(() => detail.getAttribute('data-node')).toBe('loss1/conv');
		expect(await detail.locator('h3').innerText()).toBe('loss1 head · 1×1 conv 128');
		expect(await text(page, 'detail-ops')).toBe(grouped(layer.macs));
		expect(await text(page, 'detail-params')).toBe(grouped(layer.params));
		expect(await text(page, 'detail-output')).toBe('4×4×128');
		expect(await text(page, 'head-ops')).toBe(grouped(head.macs));
		expect(await text(page, 'head-params')).toBe(grouped(head.params));
		const arithmetic = await page.getByTestId('ops-arithmetic').allInnerTexts();
		expect(arithmetic).toEqual(head.layers.map((l) => opsArithmetic(l, 'macs')).filter((a) => a !== undefined));
		expect(arithmetic[0]).toBe('1 × 1 × 512 × 128 × 4 × 4 = 1,048,576');
		expect(await detail.locator('li.highlight').getAttribute('data-layer')).toBe('loss1/conv');
		expect(await text(page, 'sum-arithmetic')).toMatch(new RegExp(`= ${grouped(head.macs)}$`));
		await expect.poll(() => decodeURIComponent(page.url())).toContain('layer=loss1/conv');

		// Closing the head moves the selection up to it, and takes it out of the address.
		await node(page, 'loss1').click();
		await expect.poll(() => node(page, 'loss1').getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => node(page, 'loss1/conv').count()).toBe(0);
		await expect.poll(() => detail.getAttribute('data-node')).toBe('loss1');
		await expect.poll(() => page.locator('svg.ribbons path[data-edge^="loss1/"]').count()).toBe(0);
		await expect.poll(() => decodeURIComponent(page.url())).toMatch(/\?layer=loss1$/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a link opens an auxiliary head and its selected layer', async () => {
		const { page, errors } = await open('?layer=loss2/classifier&open=loss1');
		const head = headOf(networkCost(), 'loss2');
		expect(await node(page, 'loss1').getAttribute('aria-expanded')).toBe('true');
		expect(await node(page, 'loss2').getAttribute('aria-expanded')).toBe('true');
		expect(await page.getByTestId('node-detail').getAttribute('data-node')).toBe('loss2/classifier');
		expect(await text(page, 'detail-ops')).toBe(grouped(head.layers[4].macs));
		const box = (await node(page, 'loss2/classifier').boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y).toBeLessThan(800);
		expect(await truncatedAuxLabels(page)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});
});
