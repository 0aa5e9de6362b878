// The notebook's chapters as a reader meets them: every chapter renders without errors, reads
// without JavaScript, links only to pages that exist, has linkable headings, and every widget
// answers its control with the value the core computes.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { compareModels } from '$components/notebook/comparison';
import { compareModule, networkCost } from '$lib/core/cost';
import { compact, grouped } from '$lib/core/format';
import { APPENDICES, CHAPTERS, chapterHeading, PAPER_CHAPTERS } from '$notebooks/chapters';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

const chapterPath = (slug: string) => `/chapters/${slug}/`;

/** Opens a chapter and waits until it is hydrated (its charts are drawn by then). */
async function openChapter(slug: string, viewport?: { width: number; height: number }) {
	const watched = await openPage(browser(), viewport);
	await watched.page.goto(`${baseURL}${chapterPath(slug)}`, { waitUntil: 'networkidle' });
	await watched.page.locator('article.chapter[data-hydrated]').waitFor();
	const charts = watched.page.locator('[data-widget] .plot');
	for (const chart of await charts.all()) await chart.locator('svg').first().waitFor();
	return watched;
}

/** Moves a range input the way a reader's drag does (Svelte listens for `input`). */
async function setRange(input: Locator, value: number) {
	await input.evaluate((el, v) => {
		const range = el as HTMLInputElement;
		range.value = String(v);
		range.dispatchEvent(new Event('input', { bubbles: true }));
	}, value);
}

const widget = (page: Page, id: string) => page.locator(`[data-widget="${id}"]`);
const text = async (l: Locator) => (await l.textContent())?.trim() ?? '';

describe('the contents page', () => {
	test('lists every chapter in order, each a link to its page, and the appendices apart, unnumbered', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseURL}/chapters/`);
		const links = page.locator('ol.chapters a');
		expect(await links.allTextContents()).toEqual(PAPER_CHAPTERS.map((c) => c.title));
		expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
			PAPER_CHAPTERS.map((c) => chapterPath(c.slug))
		);
		const appendices = page.locator('ul.appendices li');
		expect(await appendices.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
			APPENDICES.map((c) => chapterPath(c.slug))
		);
		expect(await appendices.first().innerText()).toMatch(/^Appendix: /);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe.each(CHAPTERS)('chapter $section, $title', (chapter) => {
	test('renders in Chromium with no console errors, and links to its neighbours', async () => {
		const { page, errors } = await openChapter(chapter.slug);
		expect(await text(page.getByRole('heading', { level: 1 }))).toBe(`${chapterHeading(chapter)}#`);
		await expect(page.title()).resolves.toContain(chapter.title);
		const nav = page.getByRole('navigation', { name: 'Chapters' });
		const i = CHAPTERS.indexOf(chapter);
		const rel = async (r: string) =>
			(await nav.locator(`a[rel="${r}"]`).count()) ? nav.locator(`a[rel="${r}"]`).getAttribute('href') : null;
		expect(await rel('prev')).toBe(i > 0 ? chapterPath(CHAPTERS[i - 1].slug) : null);
		expect(await rel('next')).toBe(i < CHAPTERS.length - 1 ? chapterPath(CHAPTERS[i + 1].slug) : null);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('every heading has an id and a link to itself', async () => {
		const { page } = await openChapter(chapter.slug);
		const headings = await page.locator('article.chapter').locator('h1, h2, h3, h4').evaluateAll((hs) =>
			hs.map((h) => ({ id: h.id, anchor: h.querySelector('a.heading-anchor')?.getAttribute('href') ?? null }))
		);
		expect(headings.length).toBeGreaterThan(0);
		for (const h of headings) {
			expect(h.id).not.toBe('');
			expect(h.anchor).toBe(`#${h.id}`);
		}
		await page.close();
	});

	test('every internal link resolves (200) and every #fragment exists', async () => {
		const { page } = await openChapter(chapter.slug);
		const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		const internal = [...new Set(hrefs)].map((h) => new URL(h)).filter((u) => u.origin === new URL(baseURL).origin);
		expect(internal.length).toBeGreaterThan(3);
		for (const url of internal) {
			const response = await fetch(`${baseURL}${url.pathname}${url.search}`, { redirect: 'manual' });
			expect(response.status, url.pathname).toBe(200);
			if (url.hash) {
				const html = await response.text();
				expect(html, `${url.pathname}${url.hash}`).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
			}
		}
		await page.close();
	});

	test('reads without JavaScript: prose, computed numbers and formulas are in the HTML', async () => {
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${baseURL}${chapterPath(chapter.slug)}`);
		expect(await text(page.getByRole('heading', { level: 1 }))).toContain(chapter.title);
		const paragraphs = await page.locator('article.chapter > p').allTextContents();
		expect(paragraphs.join(' ').length).toBeGreaterThan(800);
		const numbers = await page.locator('article.chapter .num').allTextContents();
		expect(numbers.length).toBeGreaterThan(0);
		expect(numbers.filter((n) => n.trim() === '')).toEqual([]);
		await context.close();
	});

	test('has no horizontal overflow at 360px wide', async () => {
		const { page, errors } = await openChapter(chapter.slug, { width: 360, height: 740 });
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth
		}));
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('the widgets answer their controls', () => {
	test('introduction: the comparison chart switches to multiply-adds', async () => {
		const { page, errors } = await openChapter('introduction');
		const w = widget(page, 'model-comparison');
		const models = compareModels('run');
		const chartText = () => w.locator('.plot svg').textContent();
		expect(await chartText()).toContain(compact(models[0].params));
		await w.getByRole('radio', { name: 'Multiply-adds' }).check();
		await expect.poll(chartText).toContain(compact(models[1].macs));
		expect(await chartText()).toContain(compact(models[2].macs));
		expect(await text(w.locator('tr[data-model="googlenet"] [data-measure="macs"]'))).toBe(grouped(models[2].macs));
		// The errors are the teams' ensembles, and the caption says which.
		expect(await text(w.locator('thead'))).toContain('top-5 error (team’s ensemble)');
		expect(await text(w.locator('figcaption'))).toContain('GoogLeNet: an ensemble of 7 models × 144 crops.');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('related work: the Gabor bank redraws for more orientations and scales', async () => {
		const { page, errors } = await openChapter('related-work');
		const w = widget(page, 'gabor-bank');
		await expect.poll(() => w.locator('canvas').count()).toBe(16);
		await setRange(w.getByRole('slider', { name: 'Orientations' }), 6);
		await expect.poll(() => w.locator('canvas').count()).toBe(24);
		await w.getByRole('radio', { name: '8' }).check();
		await expect.poll(() => w.locator('canvas').count()).toBe(48);
		// A drawn filter has both dark and light pixels.
		const spread = await w.locator('canvas').last().evaluate((c) => {
			const canvas = c as HTMLCanvasElement;
			const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let lo = 255;
			let hi = 0;
			for (let i = 0; i < data.length; i += 4) {
				lo = Math.min(lo, data[i]);
				hi = Math.max(hi, data[i]);
			}
			return hi - lo;
		});
		expect(spread).toBeGreaterThan(200);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('motivation: doubling the width doubles the first layer and quadruples the second', async () => {
		const { page, errors } = await openChapter('motivation');
		const w = widget(page, 'widening');
		const cell = (layer: string, measure: string) => text(w.locator(`tr[data-layer="${layer}"] [data-measure="${measure}"]`));
		expect(await cell('2', 'params')).toBe(grouped(3 * 3 * 128 * 128));
		await setRange(w.getByRole('slider', { name: 'Filters in each layer' }), 256);
		await expect.poll(() => cell('2', 'params')).toBe(grouped(3 * 3 * 256 * 256));
		expect(await cell('2', 'macs')).toBe(grouped(3 * 3 * 256 * 256 * 28 * 28));
		expect(await cell('2', 'ratio')).toBe('4.00×');
		expect(await cell('1', 'ratio')).toBe('2.00×');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('motivation: ordering units by cluster reveals dense blocks', async () => {
		const { page, errors } = await openChapter('motivation');
		const w = widget(page, 'sparse-dense');
		expect(await w.locator('rect.block').count()).toBe(0);
		await w.getByRole('radio', { name: 'by cluster' }).check();
		await expect.poll(() => w.locator('rect.block').count()).toBe(4);
		expect(await text(w.locator('[data-measure="blocks"]'))).toMatch(/^4 blocks, \d+ entries/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('architectural details: the module switch shows the naive module’s cost', async () => {
		const { page, errors } = await openChapter('architectural-details');
		const w = widget(page, 'module-switch');
		const measure = (m: string) => text(w.locator(`.totals [data-measure="${m}"]`));
		const a3 = compareModule('3a');
		expect(await measure('macs')).toBe(grouped(a3.reduced.macs));
		await w.getByRole('radio', { name: '(a) naive' }).check();
		await expect.poll(() => measure('macs')).toBe(grouped(a3.naive.macs));
		expect(await measure('channels')).toBe(String(a3.naive.output[2]));
		expect(await w.locator('[data-branch] .layer').count()).toBe(4);
		await w.getByLabel('Inception module').selectOption('5b');
		const b5 = compareModule('5b');
		await expect.poll(() => measure('macs')).toBe(grouped(b5.naive.macs));
		expect(await text(w.locator('[data-measure="five-ratio"]'))).toContain(
			`${(b5.naive.branches[2].macs / b5.reduced.branches[2].macs).toFixed(1)}×`
		);
		expect(await w.locator('.katex').count()).toBeGreaterThanOrEqual(2);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('architectural details: branch shares switch to channel counts', async () => {
		const { page, errors } = await openChapter('architectural-details');
		const w = widget(page, 'branch-shares');
		const first = () => text(w.locator('tr[data-module="3a"] td').first());
		expect(await first()).toBe('25.0%');
		await w.getByRole('radio', { name: 'channels' }).check();
		await expect.poll(first).toBe('64');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('GoogLeNet: the audit narrows to the rows that differ; the aux head switches to (4d)', async () => {
		const { page, errors } = await openChapter('googlenet');
		const audit = widget(page, 'table1-audit');
		expect(await audit.locator('tbody tr').count()).toBe(12);
		await audit.getByRole('radio', { name: /that differ/ }).check();
		await expect.poll(() => audit.locator('tbody tr').count()).toBe(8);
		expect(await audit.locator('tbody tr[data-row="10"] td.bad').first().textContent()).toBe('+34.5');
		expect(await text(audit.locator('[data-measure="row1-note"]'))).toContain('depthwise');

		const aux = widget(page, 'aux-heads');
		const heads = networkCost({ convention: 'run' }).aux;
		expect(await text(aux.locator('[data-measure="input"]'))).toBe('14×14×512');
		await aux.getByRole('radio', { name: 'on (4d)' }).check();
		await expect.poll(() => text(aux.locator('[data-measure="input"]'))).toBe('14×14×528');
		expect(await text(aux.locator('[data-measure="params"]'))).toBe(grouped(heads[1].params));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('training: the epoch slider reads the schedule; a click draws a new patch', async () => {
		const { page, errors } = await openChapter('training');
		const lr = widget(page, 'lr-schedule');
		await setRange(lr.getByRole('slider', { name: 'Epoch' }), 80);
		const rate = lr.locator('[data-measure="rate"]');
		await expect.poll(async () => Number(await rate.getAttribute('data-value'))).toBeCloseTo(0.96 ** 10, 12);
		expect(await text(rate)).toBe('(66.5% of the initial rate)');

		const patches = widget(page, 'patch-sampler');
		const current = patches.locator('rect[data-current]');
		const box = () => current.evaluate((r) => ['x', 'y', 'width', 'height'].map((a) => r.getAttribute(a)).join(','));
		const before = await box();
		await patches.getByRole('button', { name: 'Draw another patch' }).first().click();
		await expect.poll(() => patches.locator('[data-draws]').getAttribute('data-draws')).toBe('1');
		expect(await box()).not.toBe(before);
		expect(await patches.locator('svg rect').count()).toBe(2);
		const area = Number((await text(patches.locator('[data-measure="area"]'))).split('%')[0]);
		expect(area).toBeGreaterThanOrEqual(8);
		expect(area).toBeLessThanOrEqual(100);
		await patches.getByRole('radio', { name: 'coffee' }).check();
		await expect.poll(() => patches.locator('img').getAttribute('src')).toMatch(/coffee\.png$/);
		expect(await text(patches.locator('.credit'))).toContain('Rachel Michetti');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('classification: 144 crops, redrawn per scale and mirror; Table 2 filters', async () => {
		const { page, errors } = await openChapter('classification');
		const w = widget(page, 'crops');
		expect(await w.locator('[data-measure="count"]').getAttribute('data-value')).toBe('144');
		const centre = w.locator('li[data-kind="centre"]');
		const before = await centre.getAttribute('data-box');
		await w.getByRole('radio', { name: '352' }).check();
		await expect.poll(() => centre.getAttribute('data-box')).not.toBe(before);
		// rocket.jpg is 640x427: at 352 it is 528x352, the centre square starts at 88.
		expect(await centre.getAttribute('data-box')).toBe('152,64,224,224');
		expect(await text(w.locator('li[data-kind="whole square"] .box'))).toBe('352×352 at (88, 0)');
		await w.getByRole('checkbox', { name: 'mirrored' }).check();
		await expect.poll(() => text(centre.locator('span').first())).toBe('centre, mirrored');
		expect(await w.locator('svg rect').count()).toBe(6);

		const t2 = widget(page, 'table2');
		expect(await t2.locator('tbody tr').count()).toBe(7);
		await t2.getByRole('radio', { name: 'without external data' }).check();
		await expect.poll(() => t2.locator('tbody tr').count()).toBe(5);
		expect(await widget(page, 'table3').locator('.plot svg').count()).toBeGreaterThan(0);
		// Only the full ensemble's printed gain disagrees with its errors (−3.40% recomputed, -3.45% printed).
		expect(await widget(page, 'table3').locator('td.bad').allTextContents()).toEqual(['−3.40%']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('detection: Tables 4 and 5, re-sorted and filtered by the reader, the keyboard included', async () => {
		const { page, errors } = await openChapter('detection');
		const w = widget(page, 'detection');
		const rows = () => w.locator('tbody th[scope="row"]').allInnerTexts();
		// The chart is one image to assistive technology (no labels on its parts): its bar labels are the texts that end in a year.
		const bars = async () => (await w.locator('.plot svg text').allTextContents()).filter((t) => / (2013|2014)$/.test(t));
		expect(await w.locator('.plot svg').textContent()).toContain('43.9%');
		expect(await rows()).toEqual(['GoogLeNet', 'CUHK DeepID-Net', 'Deep Insight', 'UvA-Euvision']);
		expect(await bars()).toEqual(['GoogLeNet 2014', 'CUHK DeepID-Net 2014', 'Deep Insight 2014', 'UvA-Euvision 2013']);

		await w.getByRole('radio', { name: 'team name' }).check();
		await expect.poll(rows).toEqual(['CUHK DeepID-Net', 'Deep Insight', 'GoogLeNet', 'UvA-Euvision']);
		await expect.poll(bars).toEqual(['CUHK DeepID-Net 2014', 'Deep Insight 2014', 'GoogLeNet 2014', 'UvA-Euvision 2013']);
		await w.getByRole('radio', { name: '2014 only' }).check();
		await expect.poll(rows).toEqual(['CUHK DeepID-Net', 'Deep Insight', 'GoogLeNet']);

		// Table 5: its own columns and filters, starting from all of its rows.
		await w.getByRole('radio', { name: 'Table 5: single models' }).check();
		await expect.poll(() => w.locator('tbody tr').count()).toBe(6);
		expect(await w.locator('thead').innerText()).toContain('contextual model');
		expect(await w.locator('.plot svg').textContent()).toContain('38.02%');
		await w.getByRole('radio', { name: 'without a contextual model' }).check();
		await expect.poll(rows).toEqual(['Berkeley Vision', 'CUHK DeepID-Net2', 'GoogLeNet', 'Trimps-Soushen']);
		expect(await w.locator('.count').innerText()).toBe('4 of the table’s rows shown.');

		// The order by keyboard: arrow keys move within the radio group.
		await w.getByRole('radio', { name: 'team name' }).focus();
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => w.getByRole('radio', { name: 'as printed' }).isChecked()).toBe(true);
		await expect.poll(rows).toEqual(['Trimps-Soushen', 'Berkeley Vision', 'CUHK DeepID-Net2', 'GoogLeNet']);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(rows).toEqual(['GoogLeNet', 'CUHK DeepID-Net2', 'Berkeley Vision', 'Trimps-Soushen']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('detection: at 360 px the chart and its controls fit the page', async () => {
		const { page, errors } = await openChapter('detection', { width: 360, height: 800 });
		const w = widget(page, 'detection');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const box = await w.boundingBox();
		const svg = await w.locator('.plot svg').boundingBox();
		expect(svg!.x + svg!.width).toBeLessThanOrEqual(box!.x + box!.width);
		// No text of the chart is cut off at its edges, and every team is named in it.
		const texts = await w.locator('.plot svg text').evaluateAll((ts) =>
			ts.map((t) => ({ text: t.textContent ?? '', left: t.getBoundingClientRect().left, right: t.getBoundingClientRect().right }))
		);
		for (const t of texts) {
			expect(t.left, t.text).toBeGreaterThanOrEqual(svg!.x);
			expect(t.right, t.text).toBeLessThanOrEqual(svg!.x + svg!.width);
		}
		expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(['GoogLeNet 2014', 'UvA-Euvision 2013', '43.9%']));
		expect(errors).toEqual([]);
		await page.close();
	});
});
