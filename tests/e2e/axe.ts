// axe-core in a test page: every page of the built site, the rules the site holds itself to, and
// violations written out so that a failure names the rule, its impact and the element.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

interface AxeNode {
	target: unknown[];
	html: string;
	failureSummary?: string;
}
interface AxeViolation {
	id: string;
	impact?: string | null;
	help: string;
	helpUrl: string;
	nodes: AxeNode[];
}

/**
 * One line per element that breaks a rule:
 * `color-contrast (serious): Elements must meet minimum color contrast ratio thresholds
 *   at tr[data-row="6"] > th  <th scope="row">6 inception (3b)</th>
 *   Fix any of the following: Element has insufficient color contrast of 4.29 ...`
 */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
	return violations.flatMap((v) =>
		v.nodes.map((n) => {
			const html = n.html.replace(/\s+/g, ' ');
			const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
			return [
				`${v.id} (${v.impact ?? 'no impact given'}): ${v.help}`,
				`  at ${n.target.map(String).join(' ')}`,
				`  ${html.length > 300 ? `${html.slice(0, 300)}…` : html}`,
				`  ${why}`,
				`  (${v.helpUrl.replace(/\?.*$/, '')})`
			].join('\n');
		})
	);
}

/**
 * Rules whose "needs review" results count as violations too. An aria-label on an element whose
 * role forbids one is only "needs review" when the element has text, but either way a screen
 * reader may read the text and drop the label, so the meaning is lost.
 */
export const HELD_WHEN_UNSURE: readonly string[] = ['aria-prohibited-attr'];

/** Runs axe-core on the whole document as it is now; resolves to the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
	const { violations, incomplete } = await page.evaluate(
		(tags) =>
			(window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }> } }).axe.run(
				document,
				{ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }
			),
		[...AXE_TAGS]
	);
	const unsure = incomplete
		.filter((v) => HELD_WHEN_UNSURE.includes(v.id))
		.map((v) => ({ ...v, impact: `${v.impact ?? 'no impact given'}, needs review, held as a violation` }));
	return describeViolations([...violations, ...unsure]);
}

/** Every page the build prerendered (each `index.html` under build/), as site paths: `/`, `/table1/`, ... */
export function builtPages(dir = 'build'): string[] {
	const pages: string[] = [];
	const walk = (at: string) => {
		for (const name of readdirSync(at)) {
			const path = join(at, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === 'index.html') {
				const route = relative(dir, at).split(sep).filter(Boolean).join('/');
				pages.push(route ? `/${route}/` : '/');
			}
		}
	};
	walk(dir);
	return pages.sort();
}

/** The pages that src/routes defines, with each dynamic segment filled in from `entries`. */
export function routePages(entries: Readonly<Record<string, readonly string[]>>, dir = 'src/routes'): string[] {
	const pages: string[] = [];
	const walk = (at: string, prefix: string[]) => {
		for (const name of readdirSync(at)) {
			const path = join(at, name);
			if (statSync(path).isDirectory()) {
				const dynamic = /^\[(\w+)\]$/.exec(name);
				if (!dynamic) walk(path, [...prefix, name]);
				else {
					const values = entries[dynamic[1] as string];
					if (!values) throw new Error(`no entries given for the route segment ${name} in ${at}`);
					for (const v of values) walk(path, [...prefix, v]);
				}
			} else if (name === '+page.svelte') pages.push(prefix.length ? `/${prefix.join('/')}/` : '/');
		}
	};
	walk(dir, []);
	return pages.sort();
}

/**
 * Brings every lazily drawn widget in (charts draw when they scroll into view): scrolls down the
 * page a screen at a time, then back to the top.
 */
export async function scrollThrough(page: Page): Promise<void> {
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	const step = page.viewportSize()?.height ?? 800;
	for (let y = 0; y < height; y += step) {
		await page.evaluate((top) => window.scrollTo(0, top), y);
		await page.waitForTimeout(120);
	}
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.waitForTimeout(200);
}
