// The photo choices of the chapter widgets name every sample in both editions, by the catalogue.
import { describe, expect, it } from 'vitest';
import { photoKey, photoOptions } from '../../../components/notebook/photoOptions';
import { SAMPLES } from '../../../components/notebook/samples';
import { CATALOGUES, translate } from '../../../src/lib/i18n/translate';

describe('photo options', () => {
  it('every sample photo has a short name in both catalogues', () => {
    for (const s of SAMPLES) {
      expect(CATALOGUES.en[photoKey(s.file)], s.file).toBeTruthy();
      expect(CATALOGUES.ko[photoKey(s.file)], s.file).toBeTruthy();
    }
  });

  it('English keeps the file names; Korean names the subject', () => {
    expect(photoOptions((k, p) => translate('en', k, p)).map((o) => o.label)).toEqual(['chelsea', 'coffee', 'astronaut', 'rocket']);
    const ko = photoOptions((k, p) => translate('ko', k, p));
    expect(ko.map((o) => o.value)).toEqual(SAMPLES.map((s) => s.file));
    for (const o of ko) expect(o.label).toMatch(/^[가-힣]+$/);
  });
});
