// The architecture page's words in the Korean edition, from the same functions that give the
// English (which stays the default, so the CLI and the English page are unchanged): node titles,
// what-if refusals, address refusals, the untrained note and the row-1 note.
import { describe, expect, it } from 'vitest';
import { networkCost, separableNote } from '../../../src/lib/core/cost';
import { GOOGLENET } from '../../../src/lib/core/network';
import { checkFilterCount, checkOverrides, layerTitleWithName } from '../../../src/lib/core/whatif';
import { untrainedMessage } from '../../../src/lib/view/activationLayer';
import { viewFromQuery } from '../../../src/lib/view/architectureState';
import { layerNote } from '../../../src/lib/view/arithmetic';
import { diagramModel } from '../../../src/lib/view/diagram/model';
import { tapTitles } from '../../../src/lib/view/diagram/titles';
import { opsName, rfText } from '../../../src/lib/view/figures';
import { heroModel } from '../../../src/lib/view/hero';
import { tapTitle } from '../../../src/lib/view/live/query';
import { settingsFromQuery } from '../../../src/lib/view/settings';
import { plan } from '../../../src/lib/core/plan';

const HANGUL = /[\uac00-\ud7a3]/;
/** Latin words that are not names, sizes or units (layer names like conv1, LRN, fc sizes are fine). */
const englishWords = (text: string) =>
  (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((w) => !/^(conv\d?|LRN|MACs|FLOPs|RGB|BGR|loss\d|inception_\w+)$/.test(w));

describe('the diagram in Korean', () => {
  const cost = networkCost();
  const open = new Set([...GOOGLENET.rows.flatMap((r) => ('name' in r.block ? [r.block.name as string] : [])), 'loss1', 'loss2']);

  it('titles every node without English words, every module open', () => {
    const ko = diagramModel(cost, open, 'ko');
    const en = diagramModel(cost, open);
    expect(ko.nodes.map((n) => n.id)).toEqual(en.nodes.map((n) => n.id));
    for (const n of ko.nodes) expect(englishWords(n.title), `${n.id}: ${n.title}`).toEqual([]);
    const title = (m: typeof ko, id: string) => m.nodes.find((n) => n.id === id)!.title;
    expect(title(ko, 'data')).toBe('입력 이미지');
    expect(title(ko, 'inception_4c')).toBe('인셉션 (4c)');
    expect(title(ko, 'pool1/3x3_s2')).toBe('최대 풀링 3×3/2');
    expect(title(ko, 'conv2/3x3_reduce')).toBe('conv2 1×1 축소');
    expect(title(ko, 'inception_4c/3x3_reduce')).toBe('1×1 축소');
    expect(title(ko, 'inception_4c/pool_proj')).toBe('1×1 투영');
    expect(title(ko, 'loss1')).toBe('loss1 분류기');
    // The English stays as it was.
    expect(title(en, 'inception_4c')).toBe('inception (4c)');
    expect(title(en, 'pool1/3x3_s2')).toBe('max pool 3×3/2');
    expect(title(en, 'loss1')).toBe('loss1 head');
  });

  it('titles the feature maps and the hero in Korean too', () => {
    const titles = tapTitles(plan(), 'ko');
    expect(titles.get('inception_4c/3x3')!.title).toBe('인셉션 (4c), 3×3 가지: 3×3 합성곱');
    expect(tapTitle('inception_4c/3x3', 'ko').title).toBe('인셉션 (4c), 3×3 가지: 3×3 합성곱');
    expect(tapTitle('inception_4c/3x3').title).toBe('inception (4c), 3×3 branch: 3×3 conv');
    for (const t of titles.values()) expect(englishWords(t.title), t.caffe).toEqual([]);
    for (const n of heroModel('ko').nodes) expect(englishWords(n.title), n.id).toEqual([]);
  });

  it('names units and receptive fields in Korean', () => {
    expect(opsName('macs', 'ko')).toBe('곱셈-덧셈 연산');
    expect(opsName('macs')).toBe('multiply-adds');
    expect(rfText({ size: 43, jump: 8 }, 'ko')).toBe('43×43, 스트라이드 8');
    expect(rfText({ size: 43, jump: 8 })).toBe('43×43, stride 8');
  });
});

describe('refusals in Korean, English by default', () => {
  it('what-if filter counts', () => {
    const layer = 'inception_4c/3x3';
    const ko = checkFilterCount(layer, '0', layerTitleWithName(layer, 'ko'), 'ko');
    expect(ko.ok).toBe(false);
    if (!ko.ok) {
      expect(ko.error).toBe('4c, 3×3 가지 (inception_4c/3x3): 필터가 0개면 네트워크가 둘로 끊긴다. 필터 수는 1에서 4096 사이의 정수다');
      expect(englishWords(ko.error)).toEqual([]);
    }
    for (const raw of ['', 'abc', '2.5', '-3', '99999']) {
      const r = checkFilterCount(layer, raw, layer, 'ko');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(HANGUL.test(r.error), raw).toBe(true);
      const en = checkFilterCount(layer, raw);
      if (!en.ok) expect(en.error).toMatch(/a filter count is a whole number from 1 to 4096$/);
    }
    const unknown = checkOverrides({ 'inception_9z/1x1': 3 }, 'ko');
    expect(unknown).toEqual({ ok: false, error: 'inception_9z/1x1: 크기를 바꿀 수 있는 이 이름의 합성곱이 없다' });
  });

  it('the address', () => {
    const q = new URLSearchParams('convention=wrong&naive=4c,9z&set=oops&shade=colour&open=4a,6z&activations=maybe&image=dog');
    const ko = viewFromQuery(q, 'ko').errors;
    const en = viewFromQuery(q).errors;
    expect(ko).toHaveLength(en.length);
    expect(en).toContain('convention=wrong: expected printed or run');
    expect(ko).toContain('convention=wrong: printed, run 가운데 하나여야 한다');
    expect(ko).toContain('open=4a,6z: 없는 모듈이나 보조 분류기 6z');
    for (const e of ko) expect(HANGUL.test(e), e).toBe(true);
    expect(settingsFromQuery(new URLSearchParams('set=inception_4c/3x3:0'), 'ko').errors[0]).toMatch(/^inception_4c\/3x3: 필터가 0개면/);
  });
});

describe('notes in Korean', () => {
  it('says why no activations are drawn', () => {
    const ko = untrainedMessage({ naive: ['inception_3a'], overrides: { 'inception_4c/3x3': 300 } }, 'ko')!;
    expect(ko).toBe('훈련된 가중치가 없는 상태다(단순형 3a, 가정한 필터 수 4c/3x3: 300). 활성화는 훈련된 네트워크에서만 보인다. 보려면 모듈을 되돌린다.');
    expect(untrainedMessage({ naive: 'all', overrides: {} })).toBe(
      'No trained weights for the naive network (every module naive): activations are shown only for the trained network. Reset the modules to see them.'
    );
  });

  it('writes the row-1 note in the edition asked for, the English kept in the cost model', () => {
    const printed = networkCost({ convention: 'printed' });
    const conv1 = printed.rows[0]!.layers[0]!;
    expect(conv1.note).toBe("counted as the paper's 2.7K implies: 7x7 depthwise (x8, 3 -> 24 channels), then 1x1 24 -> 64");
    expect(separableNote(7, 8, 3, 64)).toBe(conv1.note);
    const def = GOOGLENET.rows[0]!.block as readonly { name: string }[];
    const ko = layerNote(conv1, def.find((l) => l.name === conv1.name) as never, 'ko')!;
    expect(ko).toBe('논문의 2.7K가 뜻하는 대로 센다: 7x7 깊이별 합성곱(x8, 3 -> 24채널), 이어서 1x1 24 -> 64');
  });
});
