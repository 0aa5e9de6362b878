// Every page of the site through axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices), as
// a reader meets it once its widgets have drawn (see site-pages.ts), on a desktop and a phone
// screen. Any violation fails, named by its rule, its impact and the element (selector and HTML).
import { describe, expect, test } from 'vitest';
import { axeViolations, builtPages, scrollThrough } from './axe';
import { useBrowser } from './browser';
import { openReady, PAGES, stateOf } from './site-pages';
import { localizePath } from '../../src/lib/i18n/locale';

const browser = useBrowser();

/** Both layouts of every page. */
const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 360, height: 740 }
] as const;

describe('accessibility (axe-core)', () => {
	test('the pages checked are every page the build has (the Korean edition once, in korean.test.ts)', () => {
		expect([...PAGES, ...PAGES.map((p) => localizePath(p, 'ko'))].sort()).toEqual(builtPages());
		expect(PAGES).toEqual(expect.arrayContaining(['/', '/table1/', '/architecture/', '/live/', '/chapters/']));
	});

	test.each(PAGES.map((path) => ({ path, state: stateOf(path) })))(
		'$path ($state), at 1280 and 360 px wide, has no violations',
		async ({ path }) => {
			const page = await openReady(browser(), path, VIEWPORTS[0]);
			const found: string[] = [];
			for (const viewport of VIEWPORTS) {
				await page.setViewportSize(viewport);
				// Charts draw as they scroll into view.
				await scrollThrough(page);
				found.push(...(await axeViolations(page)).map((v) => `[${path} at ${viewport.width}px] ${v}`));
			}
			expect(found, `axe-core on ${path}`).toEqual([]);
			await page.context().close();
		},
		180_000
	);
});
