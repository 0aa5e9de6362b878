// The chapter index against the Markdown files, and the Markdown against mdsvex's pitfalls.
import { existsSync, readFileSync } from 'node:fs';
import { compile } from 'mdsvex';
import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterPlace } from '../../../notebooks/chapters';
import { mdsvexOptions } from '../../../svelte.config.js';

const source = (file: string) => readFileSync(`notebooks/${file}`, 'utf8');
const prose = (file: string) => source(file).replace(/<script>[\s\S]*?<\/script>/, '');
// Every chapter's Markdown, the Korean edition's (notebooks/ko/) too where it exists.
const MARKDOWN = [
  ...CHAPTERS.map((c) => ({ file: c.file })),
  ...CHAPTERS.filter((c) => existsSync(`notebooks/ko/${c.file}`)).map((c) => ({ file: `ko/${c.file}` }))
];

describe('the chapter index', () => {
  it('has one chapter per section of the paper, in order', () => {
    expect(CHAPTERS.map((c) => c.section)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(CHAPTERS.map((c) => c.slug)).size).toBe(CHAPTERS.length);
  });

  it.each(CHAPTERS)("$file exists and opens with its own '# N. Title'", (c) => {
    expect(existsSync(`notebooks/${c.file}`)).toBe(true);
    const heading = prose(c.file).match(/^# (.+)$/m)?.[1];
    expect(heading).toBe(`${c.section}. ${c.title}`);
  });

  it('links each chapter to its neighbours', () => {
    expect(chapterPlace('introduction')?.previous).toBeUndefined();
    expect(chapterPlace('introduction')?.next?.slug).toBe('related-work');
    expect(chapterPlace('googlenet')).toMatchObject({ previous: { section: 4 }, next: { section: 6 } });
    expect(chapterPlace('conclusions')?.next).toBeUndefined();
    expect(chapterPlace('nope')).toBeUndefined();
  });
});

describe('the Markdown of each chapter', () => {
  it.each(MARKDOWN)('$file: no paragraph line starts with a tag or an expression', (c) => {
    // A line that starts with "<Num ..." inside a paragraph makes mdsvex end the paragraph there.
    const lines = prose(c.file).split('\n');
    const bad = lines.filter(
      (line, i) => /^[<{]/.test(line) && ((lines[i - 1] ?? '').trim() !== '' || (lines[i + 1] ?? '').trim() !== '')
    );
    expect(bad).toEqual([]);
  });

  it.each(MARKDOWN)('$file: smart quotes never reach a component or an expression', async (c) => {
    // mdsvex treats an inline tag whose expression has an operator in it as text, and its
    // typography then curls the attribute quotes: format="times" becomes format=“times”.
    const compiled = (await compile(source(c.file), { ...mdsvexOptions, filename: c.file }))!.code;
    const body = compiled.replace(/<script>[\s\S]*?<\/script>/, '');
    const tags = [...body.matchAll(/<[A-Z][A-Za-z]*\b[^>]*?\/>/g)].map((m) => m[0]);
    const expressions = [...body.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]);
    expect(tags.length).toBeGreaterThan(0);
    expect([...tags, ...expressions].filter((t) => /[“”‘’–—]/.test(t))).toEqual([]);
  });

  it.each(MARKDOWN)('$file: every heading gets an id and a link to itself', async (c) => {
    const compiled = (await compile(source(c.file), { ...mdsvexOptions, filename: c.file }))!.code;
    const headings = [...compiled.matchAll(/<h([1-4])( id="([^"]+)")?>([\s\S]*?)<\/h\1>/g)];
    expect(headings.length).toBeGreaterThanOrEqual(1);
    for (const [, , , id, inner] of headings) {
      expect(id).toBeTruthy();
      expect(inner).toContain(`href="#${id}"`);
    }
  });
});
