import { readFileSync } from 'node:fs';
import { compile } from 'mdsvex';
import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { headingAnchors, localeOf, markdownHeadings, slugify, textOf } from '../../../src/lib/markdown/heading-anchors.js';
import { CHAPTERS } from '../../../notebooks/chapters';
import { mdsvexOptions } from '../../../svelte.config.js';

describe('heading anchors', () => {
  it('slugs the text, dropping a leading section number but not a leading 1x1', () => {
    expect(slugify('3. Motivation and high-level considerations')).toBe('motivation-and-high-level-considerations');
    expect(slugify('1x1 convolutions')).toBe('1x1-convolutions');
    expect(slugify('Network-in-Network and 1×1 convolutions')).toBe('network-in-network-and-1-1-convolutions');
    expect(slugify('Why the name “Inception”?')).toBe('why-the-name-inception');
    expect(slugify('???')).toBe('section');
  });

  it('keeps ids unique within a page', () => {
    const seen = new Map<string, number>();
    expect([slugify('Results', seen), slugify('Results', seen), slugify('Results', seen)]).toEqual([
      'results',
      'results-2',
      'results-3'
    ]);
  });

  it('gives h1-h4 an id and a "#" link, and leaves other elements alone', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: 'The task' }] },
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'text' }] },
        { type: 'element', tagName: 'h5', properties: {}, children: [{ type: 'text', value: 'small' }] }
      ]
    };
    headingAnchors()(tree);
    const [h2, p, h5] = tree.children as { properties: Record<string, unknown>; children: { tagName?: string; properties?: Record<string, unknown> }[] }[];
    expect(h2.properties.id).toBe('the-task');
    expect(h2.children.at(-1)).toMatchObject({ tagName: 'a', properties: { href: '#the-task', className: ['heading-anchor'] } });
    expect(p.properties.id).toBeUndefined();
    expect(h5.properties.id).toBeUndefined();
    expect(textOf(h2 as never)).toBe('The task#');
  });
});

describe('heading anchors in the Korean edition', () => {
  const compiled = async (file: string) => (await compile(readFileSync(file, 'utf8'), { ...mdsvexOptions, filename: file }))!.code;
  const ids = (code: string) => [...code.matchAll(/<h[1-4][^>]* id="([^"]+)"/g)].map((m) => m[1]);
  const labels = (code: string) => [...code.matchAll(/class="heading-anchor"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);

  it('knows an edition by its folder', () => {
    expect(localeOf('/repo/notebooks/ko/04-architectural-details.md')).toBe('ko');
    expect(localeOf('notebooks\\ko\\04-architectural-details.md')).toBe('ko');
    expect(localeOf('/repo/notebooks/04-architectural-details.md')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });

  it('reads headings from Markdown as the page shows them', () => {
    const source = '<script>\n# not a heading\n</script>\n\n# 4. Title\n\n```\n## code\n```\n\n## The *naive* `1x1` [module](/x/) ##\n\n##### five\n';
    expect(markdownHeadings(source)).toEqual(['4. Title', 'The naive 1x1 module']);
  });

  it.each(CHAPTERS)('ko/$file: every heading has the id of the English one, so an #anchor survives the switch', async (c) => {
    const english = ids(await compiled(`notebooks/${c.file}`));
    const korean = ids(await compiled(`notebooks/ko/${c.file}`));
    expect(korean).toEqual(english);
    expect(new Set(korean).size).toBe(korean.length);
    expect(korean.some((id) => /^section(-\d+)?$/.test(id))).toBe(false);
  });

  it('labels the links in each edition’s language, from the text message area', async () => {
    const korean = labels(await compiled('notebooks/ko/06-training.md'));
    expect(korean).toContain(translate('ko', 'text.heading.link', { title: '학습률 스케줄' }));
    expect(korean.filter((l) => /Link to/.test(l))).toEqual([]);
    const english = labels(await compiled('notebooks/06-training.md'));
    expect(english[0]).toBe(translate('en', 'text.heading.link', { title: '6. Training methodology' }));
  });
});
