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
			await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Refused: 4d, 1×1 branch \(inception_4d\/1x1\): .*Nothing was changed/);
			expect(await text(page, 'total-params')).toBe(grouped(expected.total.params));
			expect(await other.getAttribute('aria-invalid')).toBe('true');
			// A bad value stays in the box, with its refusal, until corrected: 0 like any other.
			expect(await other.inputValue()).toBe(bad);
		}
		const other = page.getByLabel('inception (4d), #1x1', { exact: true });
		await other.fill('100');
		await other.press('Enter');
		await expect.poll(() => page.getByRole('alert').count()).toBe(0);
		expect(await other.getAttribute('aria-invalid')).toBe('false');
		await page.getByRole('button', { name: 'Reset to the paper' }).click();
		await expect.poll(() => text(page, 'total-params')).toBe('6,983,576');
		expect(await page.getByRole('alert').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('naive rows are compared with what they are, not marked wrong against the paper’s reduced figures', async () => {
		const { page, errors } = await open('?naive=all');
		await expect.poll(() => page.getByTestId('naive-note').count()).toBe(1);
		const naive = table1({ naive: 'all' });
		const reduced = table1({});
		const changedRows = naive.rows.filter((r, i) => r.params !== reduced.rows[i].params && r.check.params).map((r) => r.row);
		expect(changedRows.length).toBeGreaterThan(8);
		for (const row of changedRows) {
			const cells = page.locator(`tr[data-row="${row}"] [data-verdict]`);
			expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).not.toContain('differs');
		}
		expect(await page.locator('tr[data-row="10"]').innerText()).not.toContain('+10229.0K');
		// Rows the switch did not touch keep their verdict against the printed figure.
		expect(await page.locator('tr[data-row="1"] [data-verdict]').first().getAttribute('data-verdict')).toBe('agrees');
		// The words below follow the state.
		expect(await page.getByTestId('audit-now').innerText()).toContain('every Inception module naive');
		expect(await page.getByTestId('audit-now').innerText()).toContain(grouped(naive.total.ops));
		expect(await page.getByTestId('audit-differing').innerText()).toMatch(/^8 rows disagree/);
		expect(await page.getByTestId('audit-differing').innerText()).toContain('recomputed 1018.0K; printed 54M');
		await page.getByRole('radio', { name: 'with reductions (2b)' }).check();
		await expect.poll(() => page.getByTestId('audit-now').innerText()).toContain('the modules with reductions');
		expect(await page.getByTestId('naive-note').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('“Reset to the paper” resets the convention too', async () => {
		const { page, errors } = await open('?convention=run&naive=all');
		await expect.poll(() => page.locator('input[name="convention"][value="run"]').isChecked()).toBe(true);
		await page.getByRole('button', { name: 'Reset to the paper' }).click();
		await expect.poll(() => text(page, 'total-ops')).toBe('1,498,677,248');
		expect(await page.locator('input[name="convention"][value="printed"]').isChecked()).toBe(true);
		expect(await page.locator('input[name="modules"][value="reduced"]').isChecked()).toBe(true);
		await expect.poll(() => page.url()).not.toContain('convention=');
		// The convention alone is a change from the paper's way, so the button is live for it.
		await page.getByRole('radio', { name: 'run' }).check();
		await expect.poll(() => page.getByRole('button', { name: 'Reset to the paper' }).isEnabled()).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the filter counts look like fields to type in', async () => {
		const { page } = await open();
		const input = page.getByLabel('inception (4c), #3x3', { exact: true });
		const look = await input.evaluate((el) => {
			const s = getComputedStyle(el);
			return { style: s.borderTopStyle, colour: s.borderTopColor, width: s.borderTopWidth };
		});
		expect(look.style).toBe('solid');
		expect(look.width).not.toBe('0px');
		expect(look.colour).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
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
