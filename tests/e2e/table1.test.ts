// The Table 1 page as a reader uses it: read the numbers, flip both switches, try a what-if.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { table1 } from '../../src/lib/core/table1';
import { grouped } from '../../src/lib/core/format';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const cell = (page: Page, row: number, col: string) =>
	page.locator(`tr[data-row="${row}"] [data-col="${col}"]`).innerText();

async function open(query = '') {
	const watched = await openPage(browser());
	await watched.page.goto(`${baseURL}/table1/${query}`);
	// Hydrated once the switches respond; the address is read after the router starts.
	await watched.page.waitForFunction(() => document.querySelector('input[name="convention"]') !== null);
	return watched;
}

describe('Table 1 page', () => {
	test('shows the recomputed table with the printed values beside', async () => {
		const { page, errors } = await open();
		expect(await page.locator('tbody tr').count()).toBe(19);
		expect(await text(page, 'total-params')).toBe('6,983,576');
		expect(await text(page, 'total-ops')).toBe('1,498,677,248');
		expect(await cell(page, 10, 'params')).toContain('509,440');
		const row10 = await page.locator('tr[data-row="10"]').innerText();
		expect(row10).toContain('463K');
		expect(row10).toContain('+34.5K');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the prose and the table read without JavaScript', async () => {
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseURL}/table1/`);
		expect(await page.locator('tbody tr').count()).toBe(19);
		expect(await page.getByTestId('total-params').innerText()).toBe('6,983,576');
		await context.close();
	});

	test('the convention and module switches change the numbers live', async () => {
		const { page, errors } = await open();
		await page.getByRole('radio', { name: 'run' }).check();
		const run = table1({ convention: 'run' });
		await expect.poll(() => text(page, 'total-params')).toBe(grouped(run.total.params));
		expect(await text(page, 'total-ops')).toBe('1,582,671,872');
		expect(page.url()).toContain('convention=run');

		await page.getByRole('radio', { name: 'naive (2a)' }).check();
		const naive = table1({ convention: 'run', naive: 'all' });
		await expect.poll(() => text(page, 'total-ops')).toBe(grouped(naive.total.ops));
		expect(await cell(page, 15, 'output')).toBe('7x7x4944');
		expect(await text(page, 'ratio')).toBe(`${(naive.total.ops / run.total.ops).toFixed(2)}×`);

		await page.getByRole('radio', { name: 'with reductions (2b)' }).check();
		await expect.poll(() => text(page, 'total-ops')).toBe('1,582,671,872');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a what-if filter count recomputes downstream, and a bad one is refused', async () => {
		const { page, errors } = await open();
		const input = page.getByLabel('inception (4c), #3x3', { exact: true });
		await input.fill('300');
		await input.press('Enter');
		await expect.poll(() => cell(page, 10, 'output')).toBe('14x14x556');
		const expected = table1({ overrides: { 'inception_4c/3x3': 300 } });
		expect(await text(page, 'total-params')).toBe(grouped(expected.total.params));
		expect(page.url()).toContain('set=inception_4c%2F3x3%3A300');

		for (const bad of ['0', '-4', '2.5', 'lots', '100000']) {
			const other = page.getByLabel('inception (4d), #1x1', { exact: true });
			await other.fill(bad);
			await other.press('Enter');
			await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Refused: inception_4d\/1x1: .*Nothing was changed/);
			expect(await text(page, 'total-params')).toBe(grouped(expected.total.params));
			expect(await other.getAttribute('aria-invalid')).toBe('true');
		}
		await page.getByRole('button', { name: 'Reset to the paper' }).click();
		await expect.poll(() => text(page, 'total-params')).toBe('6,983,576');
		expect(await page.getByRole('alert').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('an address restores the state, and names what it could not use', async () => {
		const { page, errors } = await open('?convention=run&naive=all&set=inception_3a/1x1:100&set=inception_3b/1x1:0');
		const expected = table1({ convention: 'run', naive: 'all', overrides: { 'inception_3a/1x1': 100 } });
		await expect.poll(() => text(page, 'total-params')).toBe(grouped(expected.total.params));
		expect(await page.getByRole('alert').innerText()).toMatch(/inception_3b\/1x1: zero filters/);
		expect(await page.locator('input[name="modules"][value="naive"]').isChecked()).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});
});
