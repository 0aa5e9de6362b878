import { describe, expect, it } from 'vitest';
import { headingAnchors, slugify, textOf } from '../../../src/lib/markdown/heading-anchors.js';

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
