import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromQuery, settingsToQuery, withNaive } from '../../../src/lib/view/settings';

const parse = (q: string) => settingsFromQuery(new URLSearchParams(q));

describe('cost settings as a URL', () => {
  it('round-trips every field', () => {
    const s = {
      convention: 'run' as const,
      naive: ['inception_4c', 'inception_5a'],
      unit: 'flops' as const,
      kilo: 1000 as const,
      overrides: { 'inception_4c/3x3': 300, 'conv2/3x3': 100 },
      layer: 'inception_4c/3x3'
    };
    const q = settingsToQuery(s);
    expect(q.toString()).toContain('naive=4c%2C5a');
    expect(parse(q.toString())).toEqual({ settings: s, errors: [] });
  });

  it('leaves the defaults out', () => {
    expect(settingsToQuery(DEFAULT_SETTINGS).toString()).toBe('');
    expect(parse('')).toEqual({ settings: DEFAULT_SETTINGS, errors: [] });
  });

  it('keeps what is valid and names what is not', () => {
    const { settings, errors } = parse('convention=wrong&naive=4c,9z&set=inception_4c/3x3:0&set=inception_4d/1x1:50');
    expect(settings.convention).toBe('printed');
    expect(settings.naive).toEqual(['inception_4c']);
    expect(settings.overrides).toEqual({ 'inception_4d/1x1': 50 });
    expect(errors).toHaveLength(3);
    expect(errors.find((e) => e.startsWith('convention='))).toBe('convention=wrong: expected printed or run');
    expect(errors.find((e) => e.startsWith('naive='))).toBe('naive=4c,9z: no module inception_9z');
    expect(errors.find((e) => e.startsWith('inception_4c/3x3'))).toMatch(/zero filters/);
  });

  it('switches modules naive one at a time or all at once', () => {
    let s = withNaive(DEFAULT_SETTINGS, 'inception_4c', true);
    expect(s.naive).toEqual(['inception_4c']);
    s = withNaive(s, 'all', true);
    expect(s.naive).toBe('all');
    s = withNaive(s, 'inception_3a', false);
    expect(s.naive).toHaveLength(8);
    expect(withNaive(s, 'inception_3a', true).naive).toBe('all');
  });
});
