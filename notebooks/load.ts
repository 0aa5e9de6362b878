// Loads a chapter's compiled Markdown (mdsvex) as a Svelte component; one chunk per chapter.
// The Korean edition reads notebooks/ko/<same file>.md; while a chapter has no Korean file yet,
// it gets the English one, and `translated: false` says so (the page shows a notice).
import type { Component } from 'svelte';
import type { Locale } from '$lib/i18n/locale';
import type { ChapterInfo } from './chapters';

type Module = { default: Component };
const english = import.meta.glob<Module>('./*.md');
const korean = import.meta.glob<Module>('./ko/*.md');

export interface LoadedChapter {
	readonly content: Component;
	/** False when the chapter was asked for in a language it has no file in, and English came instead. */
	readonly translated: boolean;
}

/** Which chapter files a language has: "04-architectural-details.md", ... */
export const chapterFiles = (locale: Locale): string[] =>
	Object.keys(locale === 'ko' ? korean : english).map((path) => path.split('/').at(-1) as string);

export async function loadChapter(chapter: ChapterInfo, locale: Locale = 'en'): Promise<LoadedChapter> {
	const own = locale === 'ko' ? korean[`./ko/${chapter.file}`] : english[`./${chapter.file}`];
	const load = own ?? english[`./${chapter.file}`];
	if (!load) throw new Error(`notebooks/${chapter.file} is missing`);
	return { content: (await load()).default, translated: own !== undefined };
}
