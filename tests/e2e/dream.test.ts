// DeepDream on the live page's photo, in headless Chromium: it starts, shows its progress as
// octave k of n and step s, can be stopped with the picture so far kept, and downloads as a PNG.
// Tiny sizes and step counts keep it cheap; the gradient worker loads its own weights.
import { describe, expect, test } from 'vitest';
import { axeViolations } from './axe';
import { useBrowser } from './browser';
import { nextResult, openLive } from './live-page';

const browser = useBrowser();

describe('DeepDream on the live page', () => {
	test('starts, shows octave and step, stops keeping the picture, and downloads a PNG', async () => {
		const { page, errors } = await openLive(browser(), '?image=chelsea&backend=wasm');
		await nextResult(page, 0, 120_000);
		const dream = page.getByTestId('dream');
		await dream.scrollIntoViewIfNeeded();
		expect(await dream.getByTestId('dream-layer').inputValue()).toBe('inception_4c/output');
		await dream.getByTestId('dream-size').selectOption('128');
		await dream.getByTestId('dream-octaves').selectOption('2');
		await dream.getByTestId('dream-steps').selectOption('20');
		await dream.getByTestId('dream-start').click();
		// Progress as octave k of n, step s of S, with the picture so far.
		await expect
			.poll(() => dream.getByTestId('dream-progress').innerText(), { timeout: 180_000, interval: 250 })
			.toMatch(/Octave 1 of 2, step [1-9]\d* of 20/);
		await dream.getByTestId('dream-image').waitFor();
		await dream.getByTestId('dream-stop').click();
		await expect.poll(() => dream.getByTestId('dream-progress').innerText(), { timeout: 30_000 }).toMatch(/^(Stopped at octave \d of 2, step \d+ of 20|Done)/);
		expect(await dream.getByTestId('dream-image').isVisible()).toBe(true);
		expect(await dream.getByTestId('dream-start').isEnabled()).toBe(true);

		const [download] = await Promise.all([page.waitForEvent('download'), dream.getByTestId('dream-download').click()]);
		expect(download.suggestedFilename()).toBe('deepdream-inception_4c-output.png');
		const stream = await download.createReadStream();
		const chunks: Buffer[] = [];
		for await (const c of stream) chunks.push(c as Buffer);
		expect(Buffer.concat(chunks).subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(await dream.getByTestId('dream-error').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 300_000);

	test('a short run finishes and says so', async () => {
		const { page, errors } = await openLive(browser(), '?image=coffee&backend=wasm');
		await nextResult(page, 0, 120_000);
		const dream = page.getByTestId('dream');
		// The page's default size is 224 px (the engine's 448 is ~4× the work), its cost said beside it.
		expect(await dream.getByTestId('dream-size').inputValue()).toBe('224');
		expect(await dream.getByTestId('dream-cost').innerText()).toMatch(/^40 gradient steps, as much work as [\d.]+ steps on a 224×224 picture\.$/);
		await dream.getByTestId('dream-size').selectOption('448');
		const at448 = await dream.getByTestId('dream-cost').innerText();
		await dream.getByTestId('dream-size').selectOption('128');
		await dream.getByTestId('dream-octaves').selectOption('1');
		await dream.getByTestId('dream-steps').selectOption('2');
		await dream.getByTestId('dream-start').click();
		await expect.poll(() => dream.getByTestId('dream-progress').innerText(), { timeout: 180_000, interval: 250 }).toBe('Done: 1 octave of 2 steps on inception_4c/output.');
		// Once a run has been timed here, the line adds what the next should take.
		expect(await dream.getByTestId('dream-cost').innerText()).toMatch(/^2 gradient steps, .*: about [\d.]+ s here, at the speed of the last run\.$/);
		expect(Number(/as much work as ([\d.]+)/.exec(at448)?.[1])).toBeGreaterThan(40);
		const size = await dream.getByTestId('dream-image').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
		expect(Math.max(...size)).toBe(128);
		expect(errors).toEqual([]);
		await page.close();
	}, 240_000);
});

describe('DeepDream and attribution when something is missing', () => {
	test('no weights on the site: DeepDream says so in one line, and the photo stays', async () => {
		const { page } = await openLive(browser(), '?image=chelsea&backend=wasm', { noWeights: true });
		await page.getByTestId('no-weights').waitFor({ timeout: 60_000 });
		const dream = page.getByTestId('dream');
		await expect.poll(() => dream.getByTestId('dream-start').isEnabled(), { timeout: 60_000 }).toBe(true);
		await dream.getByTestId('dream-size').selectOption('128');
		await dream.getByTestId('dream-start').click();
		const error = dream.getByTestId('dream-error');
		await error.waitFor({ timeout: 60_000 });
		expect(await error.innerText()).toMatch(/^DeepDream failed: this site has no converted weights yet \(run npm run weights -- --from PATH, then rebuild\)$/);
		// Nothing lost: the page's photo is still there and the button works again.
		expect(await page.getByTestId('crop-view').innerText()).toContain('chelsea.png');
		expect(await dream.getByTestId('dream-start').isEnabled()).toBe(true);
		// The attribution needs the top 5, which needs the weights: it says what it waits for.
		expect(await page.getByTestId('attribution-run').isDisabled()).toBe(true);
		await page.close();
	}, 120_000);

	test('the gradient worker cannot start: one line, and the maps shown before stay', async () => {
		const { page } = await openLive(browser(), '?image=chelsea&backend=wasm');
		await page.route('**/gradient.worker*', (route) => route.fulfill({ status: 404, body: 'Not found' }));
		await nextResult(page, 0, 120_000);
		await page.getByTestId('attribution-run').click();
		const error = page.getByTestId('attribution-error');
		await error.waitFor({ timeout: 60_000 });
		const text = await error.innerText();
		expect(text).toMatch(/^The maps could not be computed: the gradient worker failed: .+$/);
		expect(text).not.toContain('\n');
		expect(await page.getByTestId('attribution-run').isEnabled()).toBe(true);
		await page.close();
	}, 120_000);
});

describe('at 360 px', () => {
	test('the maps, the check and a dream fit a phone without scrolling the page sideways', async () => {
		const { page, errors } = await openLive(browser(), '?image=chelsea&backend=wasm', { viewport: { width: 360, height: 740 } });
		await nextResult(page, 0, 120_000);
		await page.getByTestId('attribution-run').click();
		await page.getByTestId('attribution-map').nth(4).waitFor({ timeout: 240_000 });
		await page.getByTestId('attribution-check-run').click();
		await page.getByTestId('attribution-check-verdict').waitFor({ timeout: 240_000 });
		const dream = page.getByTestId('dream');
		await dream.getByTestId('dream-size').selectOption('448');
		await dream.getByTestId('dream-octaves').selectOption('1');
		await dream.getByTestId('dream-steps').selectOption('2');
		await dream.getByTestId('dream-start').click();
		await expect.poll(() => dream.getByTestId('dream-progress').innerText(), { timeout: 240_000, interval: 250 }).toMatch(/^Done/);
		const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
		expect(scroll).toBeLessThanOrEqual(client as number);
		expect(await axeViolations(page)).toEqual([]);
		const picture = await dream.getByTestId('dream-image').boundingBox();
		expect(picture!.x + picture!.width).toBeLessThanOrEqual(360);
		expect(errors).toEqual([]);
		await page.close();
	}, 600_000);
});
