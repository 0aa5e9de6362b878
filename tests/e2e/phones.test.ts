// Every page at 360 px, as a phone shows it (and at 1280 px): nothing scrolls the page sideways, no equation is cut
// off, chart text is at least 12 px as drawn (font size times the SVG's scale) and inside its chart,
// and wide tables keep their row labels in place with a cue that more lies to the right.
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { CHAPTERS } from '$notebooks/chapters';
import { openPage, useBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = useBrowser();

export const ROUTES = [
	'/',
	'/table1/',
	'/architecture/',
	'/live/',
	'/chapters/',
	...CHAPTERS.map((c) => `/chapters/${c.slug}/`),
	'/no-such-page/'
];

/** Opens a page at `width` (a phone's by default), hydrated, and scrolls through it so every lazy chart draws. */
async function openAt(path: string, width = 360) {
	const watched = await openPage(browser(), { width, height: 740 });
	// 'load', not 'networkidle': a page's links preload the chapters' code as they scroll into view.
	await watched.page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
	if (path.startsWith('/chapters/') && path !== '/chapters/') await watched.page.locator('article.chapter[data-hydrated]').waitFor();
	if (path === '/architecture/') await watched.page.locator('.layout[data-ready]').waitFor();
	await watched.page.evaluate(async () => {
		for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
			window.scrollTo(0, y);
			await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
		}
	});
	if (path === '/architecture/') await expect.poll(() => watched.page.locator('.plot svg').count()).toBe(3);
	const charts = watched.page.locator('.plot');
	for (const chart of await charts.all()) await chart.locator('svg').first().waitFor();
	return watched;
}

/** What a phone reader would see wrong on the page, as lines (none is the goal). */
function problems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
		for (const tex of document.querySelectorAll<HTMLElement>('.tex-display')) {
			if (tex.scrollWidth > tex.clientWidth + 1) out.push(`equation cut off: ${tex.textContent?.slice(0, 60)}`);
		}
		for (const svg of document.querySelectorAll<SVGSVGElement>('.plot svg')) {
			const box = svg.getBoundingClientRect();
			const scale = svg.viewBox.baseVal?.width ? box.width / svg.viewBox.baseVal.width : 1;
			for (const t of svg.querySelectorAll('text')) {
				if (!t.textContent?.trim()) continue;
				const px = parseFloat(getComputedStyle(t).fontSize) * scale;
				if (px < 12) out.push(`chart text "${t.textContent}" at ${px.toFixed(1)} px`);
				const r = t.getBoundingClientRect();
				if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`chart text "${t.textContent}" outside its chart`);
			}
			// An axis title clear of its tick labels.
			for (const axis of ['x', 'y']) {
				const title = svg.querySelector(`g[aria-label="${axis}-axis label"] text`);
				if (!title) continue;
				const a = title.getBoundingClientRect();
				for (const tick of svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)) {
					const b = tick.getBoundingClientRect();
					if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
						out.push(`axis title "${title.textContent}" touches tick "${tick.textContent}"`);
				}
			}
		}
		for (const scroller of document.querySelectorAll<HTMLElement>('.table-scroll, .scroll[role="region"]')) {
			if (scroller.scrollWidth <= scroller.clientWidth) continue;
			const label = scroller.querySelector<HTMLElement>('tbody tr > th') ?? scroller.querySelector<HTMLElement>('tbody tr > td:first-child');
			if (!label) continue;
			const name = label.textContent?.trim().slice(0, 30);
			if (getComputedStyle(label).position !== 'sticky') out.push(`table row label "${name}" scrolls away`);
			// Only the label column sticks (a cell of figures that sticks would cover the labels).
			const column = label.getBoundingClientRect().left;
			for (const cell of scroller.querySelectorAll<HTMLElement>('th, td'))
				if (getComputedStyle(cell).position === 'sticky' && Math.abs(cell.getBoundingClientRect().left - column) > 1)
					out.push(`table cell "${cell.textContent?.trim().slice(0, 20)}" sticks outside the label column`);
			if (!getComputedStyle(scroller).backgroundImage.includes('gradient')) out.push(`table of "${name}" has no scroll cue`);
			scroller.scrollLeft = scroller.scrollWidth;
			const [l, s] = [label.getBoundingClientRect(), scroller.getBoundingClientRect()];
			if (l.left < s.left - 1 || l.right > s.right) out.push(`table row label "${name}" out of view when scrolled`);
			scroller.scrollLeft = 0;
		}
		return out;
	});
}

describe('every page on a phone (360 px), and on a desktop (1280 px)', () => {
	test.each(ROUTES.flatMap((path) => [360, 1280].map((width) => ({ path, width }))))('$path at $width px', { timeout: 120_000 }, async ({ path, width }) => {
		const { page, errors } = await openAt(path, width);
		expect(await problems(page)).toEqual([]);
		// SvelteKit reports the unknown address on the console of the 404 page; nothing else may.
		const expected404 = (e: string) => path === '/no-such-page/' && /Not found: \/no-such-page\/|status of 404/.test(e);
		expect(errors.filter((e) => !expected404(e))).toEqual([]);
		await page.close();
	});
});
