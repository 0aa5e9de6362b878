// Every number a chapter shows is written one way: never "−0" or "-0.0", and every op count in
// M or G is the decimal (powers of 1000) writing of a figure the cost model computes, never a
// K = 1024 one (the running-totals chart once wrote 1.5G as 1.4G).
import { describe, expect, inject, test } from 'vitest';
import { networkCost, type Convention } from '$lib/core/cost';
import { fixed } from '$lib/core/format';
import { compareModels } from '$components/notebook/comparison';
import { CHAPTERS } from '$notebooks/chapters';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** "−0", "-0", "−0.0", "-0.00", standing alone (not part of −0.4 or 10−0). */
export const NEGATIVE_ZERO = /(^|[^\w.])[−-]0(\.0+)?(?![\d.])/mu;

/** Op counts as a chapter writes them: "1.5G multiply-adds", "128M ops", "34M MACs". */
const OP_FIGURE = /(\d+(?:\.\d+)?)\s?([MG])\s?(?:multiply-adds|MACs|FLOPs|ops)\b/gu;

/** Every op count the site computes, in multiply-adds and FLOPs. */
function knownOps(): number[] {
	const out: number[] = [];
	for (const convention of ['printed', 'run'] as Convention[])
		for (const naive of ['none', 'all'] as const) {
			const cost = networkCost({ convention, naive });
			out.push(cost.total.macs);
			let sum = 0;
			for (const r of cost.rows) {
				sum += r.macs;
				out.push(r.macs, sum, ...r.layers.map((l) => l.macs));
				if (r.module) out.push(r.module.macs, ...r.module.branches.map((b) => b.macs));
			}
			for (const a of cost.aux) out.push(a.macs, ...a.layers.map((l) => l.macs));
		}
	for (const convention of ['printed', 'run'] as Convention[]) out.push(...compareModels(convention).map((m) => m.macs));
	return out.flatMap((m) => [m, 2 * m]);
}

/** Whether `shown` (e.g. "1.5", "G") writes some known figure in powers of 1000 at its precision. */
function decimalOfKnown(value: string, unit: string, known: readonly number[]): boolean {
	const decimals = value.includes('.') ? value.split('.')[1].length : 0;
	const scale = unit === 'G' ? 1e9 : 1e6;
	// Written to 3 significant digits or to the decimals shown, rounded or cut (as the paper cuts).
	return known.some((k) => {
		const x = k / scale;
		return fixed(x, decimals) === value || fixed(Math.trunc(x * 10 ** decimals) / 10 ** decimals, decimals) === value;
	});
}

describe('numbers in the chapters', () => {
	const known = knownOps();

	test('the checks catch what they are for', () => {
		expect(NEGATIVE_ZERO.test('Δ −0.0')).toBe(true);
		expect(NEGATIVE_ZERO.test('a -0 b')).toBe(true);
		expect(NEGATIVE_ZERO.test('−0.4 and 10−0.5 and top-0')).toBe(false);
		const total = networkCost({ convention: 'printed' }).total.macs;
		const naive = networkCost({ convention: 'printed', naive: 'all' }).total.macs;
		expect(decimalOfKnown('1.50', 'G', known)).toBe(true);
		expect(decimalOfKnown('12.48', 'G', known)).toBe(true);
		// The totals at K = 1024 are no figure of the site's. (The printed total's 1.40G happens to
		// be naive 5b's row, so the check is shown on the network as run, 1.47G and 11.70G.)
		const run = networkCost({ convention: 'run' }).total.macs;
		const runNaive = networkCost({ convention: 'run', naive: 'all' }).total.macs;
		expect([fixed(total / 1024 ** 3, 2), fixed(naive / 1024 ** 3, 2)]).toEqual(['1.40', '11.63']);
		expect(fixed(run / 1024 ** 3, 2)).toBe('1.47');
		expect(decimalOfKnown('1.47', 'G', known)).toBe(false);
		expect(fixed(runNaive / 1024 ** 3, 2)).toBe('11.70');
		expect(decimalOfKnown('11.70', 'G', known)).toBe(false);
		expect(decimalOfKnown('11.63', 'G', known)).toBe(false);
	});

	test.each(CHAPTERS.map((c) => c.slug))('%s: no negative zero, every op count decimal', async (slug) => {
		const { page } = await openPage(browser());
		await page.goto(`${baseURL}/chapters/${slug}/`, { waitUntil: 'networkidle' });
		await page.locator('article.chapter[data-hydrated]').waitFor();
		const text = await page.locator('main').innerText();
		expect(text.match(NEGATIVE_ZERO)?.[0] ?? null).toBeNull();
		const strange = [...text.matchAll(OP_FIGURE)].filter((m) => !decimalOfKnown(m[1], m[2], known)).map((m) => m[0]);
		expect(strange).toEqual([]);
		await page.close();
	});
});
