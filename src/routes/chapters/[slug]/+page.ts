import { error } from '@sveltejs/kit';
import { CHAPTERS, chapterPlace } from '$notebooks/chapters';
import { loadChapter } from '$notebooks/load';
import { localeFromPath } from '$lib/i18n/locale';
import type { EntryGenerator, PageLoad } from './$types';

// Every chapter is prerendered, whether or not a link to it exists yet (the Korean edition's
// /ko/chapters/… are found through the language switch: svelte.config.js).
export const entries: EntryGenerator = () => CHAPTERS.map((c) => ({ slug: c.slug }));

export const load: PageLoad = async ({ params, url }) => {
	const place = chapterPlace(params.slug);
	if (!place) error(404, `No chapter called “${params.slug}”`);
	const locale = localeFromPath(url.pathname);
	return { ...place, locale, ...(await loadChapter(place.chapter, locale)) };
};
