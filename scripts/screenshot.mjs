// Screenshot one page of the already-built site (does not build).
// Usage: node scripts/screenshot.mjs /table1/ docs/screenshot.png [width=1280] [height=800]
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const [path = '/', out = 'docs/screenshot.png', width = '1280', height = '800'] =
	process.argv.slice(2);

const server = await startServer({ dir: 'build', port: 0 });
const browser = await launchChromium();
try {
	const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
	page.on('console', (m) => m.type() === 'error' && console.warn(`console error: ${m.text()}`));
	await page.goto(server.url + path, { waitUntil: 'networkidle' });
	await mkdir(dirname(out), { recursive: true });
	await page.screenshot({ path: out });
	console.log(`Saved ${server.url}${path} at ${width}x${height} to ${out}`);
} finally {
	await browser.close();
	await server.close();
}
