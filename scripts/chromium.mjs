// How every script and test starts the browser: Debian's Chromium, headless, via playwright-core.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium() {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--no-sandbox', // CI runs as root in a container
			'--disable-background-networking', // no requests the page did not make
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
			'--enable-unsafe-webgpu' // lets the engine's WebGPU backend run where a GPU exists
		]
	});
}
