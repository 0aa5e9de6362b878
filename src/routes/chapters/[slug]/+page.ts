import { error } from '@sveltejs/kit';
import { CHAPTERS, chapterPlace } from '$notebooks/chapters';
import { loadChapter } from '$notebooks/load';
import type { EntryGenerator, PageLoad } from './$types';

// Every chapter is prerendered, whether or not a link to it exists yet.
export const entries: EntryGenerator = () => CHAPTERS.map((c) => ({ slug: c.slug }));

export const load: PageLoad = async ({ params }) => {
	const place = chapterPlace(params.slug);
	if (!place) error(404, `No chapter called “${params.slug}”`);
	return { ...place, content: await loadChapter(place.chapter) };
};
