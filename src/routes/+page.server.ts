// The hero's build-time result (static/generated/hero/hero.json, made by `cli hero` before the
// build), read at prerender so the page's HTML already holds it; null when the build had no weights.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERO_FOLDER, HERO_JSON, type HeroData } from '$lib/view/hero';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const file = join('static', HERO_FOLDER, HERO_JSON);
	if (!existsSync(file)) return { hero: null };
	try {
		return { hero: JSON.parse(readFileSync(file, 'utf8')) as HeroData };
	} catch (e) {
		console.warn(`${file}: unreadable (${(e as Error).message}); the home page shows the diagram alone`);
		return { hero: null };
	}
};
