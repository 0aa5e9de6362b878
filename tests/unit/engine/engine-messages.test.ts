// The engine's messages a reader sees carry their catalogue key: `.message` stays the English the
// CLI prints, word for word, and a page shows the same message in Korean through errorText.
import { describe, expect, it } from 'vitest';
import { CaffemodelError, decodeCaffemodel } from '../../../src/lib/engine/caffemodel';
import { imageFileProblem, imageSizeProblem } from '../../../src/lib/engine/image-limits';
import { caffeSource, importBlobs, parseSynsetWords, WeightsError } from '../../../src/lib/engine/import-blobs';
import { loadWeightValues } from '../../../src/lib/engine/load-weights';
import { encodeModel } from '../../../src/lib/engine/manifest';
import { EngineError, engineMessage, englishOf, messageOf } from '../../../src/lib/engine/message';
import { engineLabel, engineLabelMessage } from '../../../src/lib/engine/browser/kernel-choice';
import { engineEn } from '../../../src/lib/i18n/messages/engine.en';
import { engineKo } from '../../../src/lib/i18n/messages/engine.ko';
import { errorText } from '../../../src/lib/i18n/localized-error';
import { translate } from '../../../src/lib/i18n/translate';
import { caffeNet, tinySpecs } from './tiny-caffe';

const ko = (e: unknown) => errorText(e, (k, p) => translate('ko', k, p));
const en = (e: unknown) => errorText(e, (k, p) => translate('en', k, p));

describe('engine messages', () => {
  it('an error with a key: English message, Korean on the page; without one: its text in both', () => {
    const e = WeightsError.of('engine.import.labels', { count: 999, classes: 1000 });
    expect(e).toBeInstanceOf(WeightsError);
    expect(e).toBeInstanceOf(EngineError);
    expect(e.message).toBe('labels: 999 lines, expected 1000');
    expect(en(e)).toBe('labels: 999 lines, expected 1000');
    expect(ko(e)).toBe('레이블: 999줄. 1000줄이어야 한다');
    const plain = new WeightsError('no synset_words.txt beside x: pass --labels path/to/synset_words.txt');
    expect(plain.key).toBeUndefined();
    expect(ko(plain)).toBe(plain.message);
  });

  it('crossing postMessage (a structured clone drops an Error’s own fields), messageOf keeps the key', () => {
    const e = CaffemodelError.of('engine.import.noLayers');
    const reply = structuredClone({ ok: false, ...messageOf(e) });
    expect(reply).toEqual({ ok: false, key: 'engine.import.noLayers', params: undefined, message: 'not a Caffe model file (it has no layers)' });
    expect(ko(reply)).toBe('Caffe 모델 파일이 아니다(층이 없다)');
    expect(messageOf(new Error('tfjs said no'))).toEqual({ message: 'tfjs said no' });
    expect(messageOf('a string')).toEqual({ message: 'a string' });
  });

  it('every Korean message has Hangul in it and fills the same placeholders', () => {
    for (const key of Object.keys(engineEn) as (keyof typeof engineEn)[]) {
      expect(engineKo[key], key).toMatch(/[가-힣]/);
      const params = Object.fromEntries([...engineEn[key].matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'X']));
      expect(translate('ko', key, params), key).not.toMatch(/\{\w+\}/);
      expect(englishOf(key, params)).toBe(translate('en', key, params));
    }
  });

  it('image limits: the same English as before, named or not, and Korean', () => {
    expect(imageFileProblem(0)?.message).toBe('empty file');
    expect(imageFileProblem(100 * 1024 * 1024)?.message).toBe('file is 100.00 MiB: the limit for an image is 64.00 MiB');
    expect(imageFileProblem(100 * 1024 * 1024, 'cat.jpg')?.message).toBe('cat.jpg: file is 100.00 MiB: the limit for an image is 64.00 MiB');
    expect(imageFileProblem(1000)).toBeNull();
    expect(imageSizeProblem(20, 500)?.message).toBe('image is 20x500: too small, the minimum is 32x32 pixels');
    const named = imageSizeProblem(10_000, 6_000, 'big.png');
    expect(named?.message).toBe('big.png: image is 10000x6000 (60.0 megapixels): the limit is 50 megapixels');
    expect(ko(named)).toBe('big.png: 이미지 크기 10000x6000(60.0메가픽셀). 한도는 50메가픽셀이다');
    expect(imageSizeProblem(640, 480)).toBeNull();
  });

  it('weights refused at import or load say why in Korean too', async () => {
    expect(() => parseSynsetWords('n01440764 tench\n')).toThrow(/^labels: 1 lines, expected 1000$/);
    try {
      decodeCaffemodel(new Uint8Array([0xff, 0xff, 0xff]));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^not a Caffe model file \(protobuf decoding failed: .+\)$/);
      expect(ko(e)).toMatch(/^Caffe 모델 파일이 아니다\(protobuf 디코딩 실패: .+\)$/);
    }
    const { modelJson, shards } = encodeModel(importBlobs(caffeSource(caffeNet(tinySpecs)), tinySpecs), 'float32', 'test');
    const group = modelJson.weightsManifest[0]!;
    const bytes = shards.map((s) => s.bytes.slice().buffer);
    const short = async (path: string) => bytes[group.paths.indexOf(path)]!.slice(0, 100);
    const refused = loadWeightValues(modelJson, short, 'model.json', tinySpecs);
    await expect(refused).rejects.toBeInstanceOf(WeightsError);
    await expect(refused).rejects.toMatchObject({ key: 'engine.weights.truncated' });
    await expect(refused).rejects.toThrow(/^model\.json: shards .+ hold \d+ bytes, expected \d+ \(truncated or from another conversion\?\)$/);
    expect(ko(await refused.catch((e) => e))).toMatch(/^model\.json: 샤드 .+의 크기가 \d+바이트다\. \d+바이트여야 한다\(잘렸거나 다른 변환에서 온 파일\?\)$/);
  });

  it('the WASM engine’s label: English as before, Korean from its key; tfjs stays tfjs', () => {
    expect(engineLabel('wasm', 2)).toBe('own SIMD kernels, 2 threads');
    expect(engineLabel('wasm', 1)).toBe('own SIMD kernels, 1 thread');
    expect(engineLabel('wasm', null)).toBe('tfjs');
    expect(engineLabel('webgl', 2)).toBeNull();
    expect(ko(engineLabelMessage('wasm', 2))).toBe('자체 SIMD 커널, 스레드 2개');
    expect(ko(engineLabelMessage('wasm', null))).toBe('tfjs');
    expect(engineMessage('engine.stage.fetching', { precision: 'float16' }).message).toBe('fetching the float16 weights');
  });
});
