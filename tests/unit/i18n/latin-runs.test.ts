// English left in Korean text is cut out as runs to be marked lang="en" (components/i18n/MarkedText).
import { describe, expect, it } from 'vitest';
import { latinRuns } from '../../../components/i18n/latinRuns';

describe('latinRuns', () => {
  it('marks runs of two or more Latin-letter words and leaves the rest, losing nothing', () => {
    const text = 'Szegedy 외, 〈Going Deeper with Convolutions〉(CVPR 2015)를 바탕으로 만들었다.';
    const runs = latinRuns(text);
    expect(runs.filter((r) => r.latin).map((r) => r.text)).toEqual(['Going Deeper with Convolutions']);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('names in a photo credit; single words and product names with digits stay unmarked', () => {
    const runs = latinRuns('사진: 고양이(Chelsea). CC0, 사진 Stefan van der Walt. Rachel Michetti, Pikolo Espresso Bar 제공, Falcon 9');
    expect(runs.filter((r) => r.latin).map((r) => r.text)).toEqual(['Stefan van der Walt', 'Rachel Michetti', 'Pikolo Espresso Bar']);
  });

  it('a text without English is one unmarked run; an empty text none', () => {
    expect(latinRuns('한국어만')).toEqual([{ text: '한국어만', latin: false }]);
    expect(latinRuns('')).toEqual([]);
  });
});
