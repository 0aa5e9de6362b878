// Loads a chapter's compiled Markdown (mdsvex) as a Svelte component; one chunk per chapter.
import type { Component } from 'svelte';
import type { ChapterInfo } from './chapters';

const modules = import.meta.glob<{ default: Component }>('./*.md');

export async function loadChapter(chapter: ChapterInfo): Promise<Component> {
	const load = modules[`./${chapter.file}`];
	if (!load) throw new Error(`notebooks/${chapter.file} is missing`);
	return (await load()).default;
}
