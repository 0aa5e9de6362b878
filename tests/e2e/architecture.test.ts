// The architecture page as a reader uses it: open a module, select a branch and read its
// arithmetic, flip naive/reduced, try a what-if, follow a link, use a phone, use a keyboard (the
// auxiliary heads: architecture-heads.test.ts). Every expected number comes from the cost model.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { networkCost, type CostOptions } from '../../src/lib/core/cost';
import { grouped } from '../../src/lib/core/format';
import { opsArithmetic } from '../../src/lib/view/arithmetic';
import { exportRows } from '../../src/lib/view/exportTable';
import {
	branchOf,
	expectTotals,
	layerOf,
	moduleButton,
	node,
	openArchitecture,
	overlappingLabels,
	settle,
	text,
	truncatedAuxLabels
} from './architecture-page';
import { useBrowser } from './browser';

const browser = useBrowser();
const open = (query = '', viewport?: { width: number; height: number }) => openArchitecture(browser(), query, viewport);

describe('architecture page', () => {
	test('draws every node from the description, each a named button, totals from the cost model', async () => {
		const { page, errors } = await open();
		const paper = networkCost();
		await expectTotals(page, {});
		// stem (input, conv1, pool1, conv2 reduce, conv2, pool2) + 9 modules + pool3, pool4 + head (avg pool, dropout, linear, softmax) + 2 aux heads
		expect(await page.locator('button[data-node]').count()).toBe(6 + 9 + 2 + 4 + 2);
		for (const b of await page.locator('button[data-node]').all()) expect(await b.getAttribute('aria-label')).toMatch(/, \d+×\d+×\d+(,|$)/);
		expect(await moduleButton(page, '5b').getAttribute('aria-label')).toContain(', 7×7×1024, ');
		expect(await node(page, 'loss1').getAttribute('aria-label')).toContain('training only');
		expect(await node(page, 'loss1').innerText()).toContain('training only');
		const into3b = page.locator('svg.ribbons path[data-edge="main/inception_3b"]');
		expect(await into3b.getAttribute('data-channels')).toBe(String(paper.rows[4].output[2]));
		// Charts beside the diagram, drawn by Plot (each once it is in view).
		for (const figure of await page.locator('aside figure').all()) await figure.scrollIntoViewIfNeeded();
		await expect.poll(() => page.locator('aside svg[role="img"]').count()).toBe(3);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('opens a module in place, selects a branch and writes out its arithmetic', async () => {
		const { page, errors } = await open();
		const cost = networkCost();
		await moduleButton(page, '4c').click();
		await expect.poll(() => moduleButton(page, '4c').getAttribute('aria-expanded')).toBe('true');
		for (const id of ['inception_4c/1x1', 'inception_4c/3x3_reduce', 'inception_4c/3x3', 'inception_4c/5x5', 'inception_4c/pool_proj', 'inception_4c/output'])
			await expect.poll(() => node(page, id).count()).toBe(1);
		// Channel counts on the edges inside the module.
		const labels = await page.locator('svg.ribbons text[data-edge*="4c"]').allTextContents();
		expect(labels).toEqual(expect.arrayContaining(['512', '128', '24', '256', '64']));

		await node(page, 'inception_4c/3x3').click();
		const layer = layerOf(cost, 'inception_4c/3x3');
		const branch = branchOf(cost, 'inception_4c', '3x3');
		const detail = page.getByTestId('node-detail');
		await expect.poll(() => detail.getAttribute('data-node')).toBe('inception_4c/3x3');
		expect(await text(page, 'detail-ops')).toBe(grouped(layer.macs));
		expect(await text(page, 'detail-params')).toBe(grouped(layer.params));
		expect(await text(page, 'detail-output')).toBe('14×14×256');
		expect(await text(page, 'branch-ops')).toBe(grouped(branch.macs));
		expect(await text(page, 'branch-params')).toBe(grouped(branch.params));
		const arithmetic = await page.getByTestId('ops-arithmetic').allInnerTexts();
		expect(arithmetic).toEqual(branch.layers.map((l) => opsArithmetic(l, 'macs')));
		expect(arithmetic[1]).toBe('3 × 3 × 128 × 256 × 14 × 14 = 57,802,752');
		expect(await text(page, 'sum-arithmetic')).toBe(`${grouped(branch.layers[0].macs)} + ${grouped(layer.macs)} = ${grouped(branch.macs)}`);
		await expect.poll(() => decodeURIComponent(page.url())).toContain('layer=inception_4c/3x3');

		// The concatenation adds the branch outputs.
		await node(page, 'inception_4c/output').click();
		expect(await text(page, 'concat-arithmetic')).toBe('128 + 256 + 64 + 64 = 512');
		// Row 1 under the printed convention carries its note.
		await node(page, 'conv1/7x7_s2').click();
		await expect.poll(() => detail.innerText()).toContain("counted as the paper's 2.7K implies");
		expect(await text(page, 'ops-arithmetic')).toBe('2,712 × 112 × 112 = 34,019,328');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the naive switch, for all modules or one, changes drawing, numbers and charts', async () => {
		const { page, errors } = await open();
		await page.getByRole('radio', { name: 'naive (2a)', exact: true }).check();
		await expectTotals(page, { naive: 'all' });
		expect(await text(page, 'total-ops')).toBe('12,484,066,432');
		await expect.poll(() => moduleButton(page, '5b').getAttribute('aria-label')).toContain(', 7×7×4944, ');
		// The compounding channels are drawn: the ribbon into the head is as wide as 4944 channels.
		const ribbon = page.locator('svg.ribbons path[data-edge="main/pool5/7x7_s1"]');
		expect(await ribbon.getAttribute('data-channels')).toBe('4944');
		await settle(page);
		const wide = await ribbon.evaluate((p) => (p as SVGPathElement).getBBox().width);
		const narrow = await page.locator('svg.ribbons path[data-edge="main/inception_3b"]').evaluate((p) => (p as SVGPathElement).getBBox().width);
		expect(wide / narrow).toBeCloseTo(4944 / 416, 0);
		await expect.poll(() => page.url()).toContain('naive=all');

		await page.getByRole('radio', { name: 'with reductions (2b)', exact: true }).check();
		await expectTotals(page, {});

		// One module naive, from its own control.
		await moduleButton(page, '4c').click();
		await page.getByRole('radio', { name: 'naive', exact: true }).check();
		await expectTotals(page, { naive: ['inception_4c'] });
		await expect.poll(() => node(page, 'inception_4c/3x3_reduce').count()).toBe(0);
		expect(await node(page, 'inception_4c/pool').count()).toBe(1);
		expect(await page.locator('input[name="modules"]:checked').count()).toBe(0); // mixed: neither
		await expect.poll(() => page.url()).toContain('naive=4c');
		await page.getByRole('radio', { name: 'with reductions', exact: true }).check();
		await expectTotals(page, {});
		expect(errors).toEqual([]);
		await page.close();
	});

	test('convention, unit and K switches', async () => {
		const { page, errors } = await open();
		await page.getByRole('radio', { name: 'run', exact: true }).check();
		await page.getByRole('radio', { name: 'FLOPs', exact: true }).check();
		await expectTotals(page, { convention: 'run' }, 'flops');
		expect(await text(page, 'total-ops')).toBe(grouped(2 * 1_582_671_872));
		await page.getByRole('radio', { name: '1000', exact: true }).check();
		await expect.poll(() => page.locator('.summary').innerText()).toContain('(7M)');
		await page.getByRole('radio', { name: '1024', exact: true }).check();
		await expect.poll(() => page.locator('.summary').innerText()).toContain('(6.67M)');
		await expect.poll(() => page.url()).toContain('convention=run');
		expect(page.url()).toContain('unit=flops');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a what-if filter count recomputes shapes downstream; a bad one is refused', async () => {
		const { page, errors } = await open();
		await moduleButton(page, '4c').click();
		const input = page.getByLabel('inception (4c), #3x3', { exact: true });
		await input.fill('300');
		await input.press('Enter');
		const overrides = { 'inception_4c/3x3': 300 };
		await expectTotals(page, { overrides });
		await expect.poll(() => node(page, 'inception_4c/output').innerText()).toContain('14×14×556');
		expect(await node(page, 'inception_4c/3x3').innerText()).toContain('14×14×300');
		// Downstream: 4d now reads 556 channels, and its cost follows.
		const expected = networkCost({ overrides });
		await node(page, 'inception_4d').click();
		await expect.poll(() => page.getByTestId('node-detail').innerText()).toContain('14×14×556');
		expect(await text(page, 'detail-ops')).toBe(grouped(expected.rows[10].macs));
		await expect.poll(() => decodeURIComponent(page.url())).toContain('set=inception_4c/3x3:300');

		await moduleButton(page, '4c').click(); // back to 4c (its detail has the inputs)
		for (const bad of ['0', '-4', '2.5', 'lots', '100000']) {
			const other = page.getByLabel('inception (4c), #1x1', { exact: true });
			await other.fill(bad);
			await other.press('Enter');
			await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Refused: 4c, 1×1 branch \(inception_4c\/1x1\): .*Nothing was changed/);
			expect(await text(page, 'total-params')).toBe(grouped(expected.total.params));
			expect(await other.getAttribute('aria-invalid')).toBe('true');
			expect(await other.inputValue()).toBe(bad); // stays to be corrected, whatever it is
		}
		await page.getByRole('button', { name: 'Reset to the paper' }).click();
		await expectTotals(page, {});
		expect(await page.getByRole('alert').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a link restores the whole state', async () => {
		const query =
			'?layer=inception_4c/3x3&naive=all&convention=run&unit=flops&k=1000&set=inception_4c/3x3:300&shade=params&open=3a';
		const { page, errors } = await open(query);
		const options: CostOptions = { convention: 'run', naive: 'all', overrides: { 'inception_4c/3x3': 300 } };
		await expectTotals(page, options, 'flops');
		for (const [name, value] of [['modules', 'naive'], ['convention', 'run'], ['unit', 'flops'], ['kilo', '1000'], ['shade', 'params']])
			expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
		expect(await moduleButton(page, '3a').getAttribute('aria-expanded')).toBe('true');
		expect(await moduleButton(page, '4c').getAttribute('aria-expanded')).toBe('true');
		expect(await page.getByTestId('node-detail').getAttribute('data-node')).toBe('inception_4c/3x3');
		const layer = layerOf(networkCost(options), 'inception_4c/3x3');
		expect(await text(page, 'ops-arithmetic')).toBe(opsArithmetic(layer, 'flops'));
		expect(await text(page, 'ops-arithmetic')).toMatch(/^2 × 3 × 3 × 1,728 × 300 × 14 × 14 = /);
		expect(await page.getByLabel('inception (4c), #3x3', { exact: true }).inputValue()).toBe('300');
		// The linked node is on screen.
		const box = (await node(page, 'inception_4c/3x3').boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y).toBeLessThan(800);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a link with parts it cannot use says which, and uses the rest', async () => {
		const { page, errors } = await open('?layer=inception_9z/3x3&naive=all&set=inception_4c/1x1:0&shade=colour');
		const alert = await page.getByRole('alert').innerText();
		expect(alert).toContain('layer=inception_9z/3x3: no layer');
		expect(alert).toContain('inception_4c/1x1: zero filters');
		expect(alert).toContain('shade=colour');
		await expectTotals(page, { naive: 'all' });
		expect(await page.getByTestId('node-detail').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('works by keyboard alone', async () => {
		const { page, errors } = await open();
		await node(page, 'data').focus();
		// Down the spine to inception (3a): conv1, pool1, conv2 reduce, conv2, pool2, 3a.
		for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-node'))).toBe('inception_3a');
		await page.keyboard.press('Enter');
		await expect.poll(() => moduleButton(page, '3a').getAttribute('aria-expanded')).toBe('true');
		// The tooltip follows focus.
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-node'))).toBe('inception_3a/1x1');
		await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('receptive field');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press(' ');
		await expect.poll(() => page.getByTestId('node-detail').getAttribute('data-node')).toBe('inception_3a/3x3_reduce');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('node-detail').count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-node'))).toBe('inception_3a/3x3_reduce');

		// An auxiliary head opens with the same keys: inception (4a) is followed by its head.
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-node'));
		await node(page, 'inception_4a').focus();
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('loss1');
		await page.keyboard.press('Enter');
		await expect.poll(() => node(page, 'loss1').getAttribute('aria-expanded')).toBe('true');
		await expect.poll(() => page.url()).toContain('open=3a%2Closs1');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('loss1/ave_pool');
		await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('loss1 head · avg pool 5×5/3');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('loss1/fc');
		await page.keyboard.press(' ');
		await expect.poll(() => page.getByTestId('node-detail').getAttribute('data-node')).toBe('loss1/fc');
		expect(await text(page, 'ops-arithmetic')).toBe('1 × 1 × 512 × 128 × 4 × 4 = 1,048,576');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('node-detail').count()).toBe(0);
		expect(await focused()).toBe('loss1/fc');
		for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
		expect(await focused()).toBe('loss1');
		await page.keyboard.press('Enter');
		await expect.poll(() => node(page, 'loss1').getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => node(page, 'loss1/fc').count()).toBe(0);
		expect(await focused()).toBe('loss1');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe('inception_4b');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('exports the current table as CSV and JSON downloads', async () => {
		const { page, errors } = await open('?naive=all&convention=run');
		const cost = networkCost({ naive: 'all', convention: 'run' });
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		expect(csv.suggestedFilename()).toBe('googlenet-run-naive.csv');
		const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\n');
		expect(lines[0]).toMatch(/^name,type,part,table1_row,module,branch,input_shape,output_shape,params,macs,activation_bytes/);
		expect(lines).toHaveLength(exportRows(cost).length + 1);
		const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
		const data = JSON.parse(await readFile((await json.path())!, 'utf8'));
		expect(data.total).toEqual(cost.total);
		expect(errors).toEqual([]);
		await page.close();
	});

	test.each(['', '?naive=all&open=all', '?layer=inception_4d/5x5&naive=all', '?open=loss1,loss2', '?naive=all&open=all,loss1,loss2', '?layer=loss1/fc&open=4a,loss2'])(
		'at 360px wide %s: no overlapping text, no page-level horizontal overflow',
		async (query) => {
			const { page, errors } = await open(query, { width: 360, height: 740 });
			await settle(page);
			expect(await overlappingLabels(page)).toEqual([]);
			expect(await truncatedAuxLabels(page)).toEqual([]);
			const { scrollWidth, clientWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth
			}));
			expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
			// The details card sits clear of every node.
			const card = page.locator('.diagram .detail');
			const detail = (await card.count()) ? await card.boundingBox() : null;
			expect(detail !== null).toBe(query.includes('layer='));
			if (detail)
				for (const b of await page.locator('button[data-node]').all()) {
					const r = (await b.boundingBox())!;
					expect(r.y + r.height <= detail.y + 0.5 || r.y >= detail.y + detail.height - 0.5).toBe(true);
				}
			expect(errors).toEqual([]);
			await page.close();
		}
	);
});
