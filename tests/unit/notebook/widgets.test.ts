// The DOM-free helpers behind the chapter widgets.
import { readFileSync } from 'node:fs';
import { randomLcg } from 'd3';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../../components/notebook/comparison';
import { gaborKernel, orientations, serreParams } from '../../../components/notebook/gabor';
import { TRAINING } from '../../../components/notebook/paper-results';
import { samplePatch } from '../../../components/notebook/patches';
import { SAMPLES } from '../../../components/notebook/samples';
import { decreases, epochsToHalve, relativeRate } from '../../../components/notebook/schedule';
import { branchShares } from '../../../components/notebook/shares';
import { clusteredMatrix, countMatrix, shuffledOrder } from '../../../components/notebook/sparse';
import { texNumber, texProduct } from '../../../components/notebook/tex';
import { wideningCost } from '../../../components/notebook/widening';

describe('widening two stacked 3x3 convolutions', () => {
  it('doubles the first layer and quadruples the second when both double', () => {
    const [a1, b1] = wideningCost(128);
    const [a2, b2] = wideningCost(256);
    expect(a1.params).toBe(3 * 3 * 192 * 128);
    expect(b1.params).toBe(3 * 3 * 128 * 128);
    expect(b1.macs).toBe(3 * 3 * 128 * 128 * 28 * 28);
    expect(a2.params / a1.params).toBe(2);
    expect(b2.params / b1.params).toBe(4);
    expect(b2.macs / b1.macs).toBe(4);
  });
});

describe('the learning-rate schedule', () => {
  it('multiplies by 0.96 every 8 epochs', () => {
    expect(relativeRate(0)).toBe(1);
    expect(relativeRate(7)).toBe(1);
    expect(relativeRate(8)).toBeCloseTo(0.96, 12);
    expect(relativeRate(80)).toBeCloseTo(0.96 ** 10, 12);
    expect(decreases(79)).toBe(9);
    // The step the chart draws, not the smooth 135.8: one figure for the chart, caption and text.
    expect(epochsToHalve()).toBe(136);
    expect(relativeRate(epochsToHalve())).toBeLessThanOrEqual(0.5);
    expect(relativeRate(epochsToHalve() - 1)).toBeGreaterThan(0.5);
  });
});

describe('training patches', () => {
  it('stay inside the image, between 8% and 100% of its area, aspect 3/4 to 4/3', () => {
    const random = randomLcg(1);
    for (const s of SAMPLES) {
      for (let i = 0; i < 500; i++) {
        const p = samplePatch(s.width, s.height, random);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(s.width);
        expect(p.y + p.height).toBeLessThanOrEqual(s.height);
        expect(p.area).toBeGreaterThanOrEqual(TRAINING.patchArea[0]);
        expect(p.area).toBeLessThanOrEqual(1);
        expect(p.aspect).toBeGreaterThanOrEqual(3 / 4);
        expect(p.aspect).toBeLessThanOrEqual(4 / 3);
      }
    }
  });

  it('falls back to the largest centred patch when nothing fits', () => {
    const p = samplePatch(1000, 100, () => 0.999, [0.99, 1], [3 / 4, 4 / 3], 3);
    expect(p).toMatchObject({ fallback: true, height: 100, width: 133, x: 433, y: 0 });
  });
});

describe('the sample photos', () => {
  it.each(SAMPLES)('$file has the size listed and its credit in CREDITS.md', (s) => {
    const bytes = readFileSync(`static/samples/${s.file}`);
    const size = s.file.endsWith('.png') ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });
    expect([size.width, size.height]).toEqual([s.width, s.height]);
    const credits = readFileSync('static/samples/CREDITS.md', 'utf8');
    expect(credits).toContain(`| ${s.file} | ${s.subject} | ${s.credit} |`);
  });
});

describe('Gabor filters', () => {
  it('are zero-mean and unit-norm, with Serre et al.’s sigma and wavelength', () => {
    const p = serreParams(7, 0);
    expect(p.sigma).toBeCloseTo(2.8, 1);
    expect(p.wavelength).toBeCloseTo(3.5, 1);
    const k = gaborKernel(serreParams(11, Math.PI / 4));
    expect(k).toHaveLength(121);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 5);
    expect(k.reduce((a, b) => a + b * b, 0)).toBeCloseTo(1, 5);
  });

  it('turn with their orientation: 90 degrees is the transpose of 0', () => {
    const [zero, right] = [0, Math.PI / 2].map((t) => gaborKernel(serreParams(9, t)));
    for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) expect(right[r * 9 + c]).toBeCloseTo(zero[c * 9 + r], 5);
    expect(orientations(4)).toEqual([0, Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4]);
  });
});

describe('sparse connections as dense blocks', () => {
  it('counts the connections inside the per-cluster blocks', () => {
    const m = clusteredMatrix([2, 3], 1, 0);
    expect(countMatrix(m)).toEqual({ dense: 25, connections: 13, blockEntries: 13, covered: 13 });
    const order = shuffledOrder(24);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });
});

describe('the comparison with AlexNet and VGG-16', () => {
  it('reads costs from the core and errors from Table 2', () => {
    const [alex, vgg, ours] = compareModels('run');
    expect([alex.key, vgg.key, ours.key]).toEqual(['alexnet', 'vgg16', 'googlenet']);
    expect(alex.params).toBe(60_965_224);
    expect(vgg.params).toBe(138_357_544);
    expect(ours.params).toBe(6_998_552);
    expect([alex.top5, vgg.top5, ours.top5]).toEqual([0.164, 0.0732, 0.0667]);
  });

  it('labels each error as the ensemble entry it came from, not the one network costed', () => {
    const [alex, vgg, ours] = compareModels('run');
    expect(alex.entry).toBe('an ensemble of 5 networks');
    expect(vgg.entry).toBe('an ensemble, not VGG-16 alone');
    expect(ours.entry).toBe('an ensemble of 7 models × 144 crops');
  });
});

describe('branch shares', () => {
  it('add up to each module’s output channels', () => {
    const shares = branchShares();
    expect(shares).toHaveLength(36);
    const a3 = shares.filter((s) => s.module === '3a');
    expect(a3.map((s) => s.channels)).toEqual([64, 128, 32, 32]);
    expect(a3.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('TeX arithmetic', () => {
  it('groups digits in a way TeX does not space as punctuation', () => {
    expect(texNumber(120422400)).toBe('120{,}422{,}400');
    expect(texProduct([5, 5, 192])).toBe(String.raw`5 \times 5 \times 192`);
  });
});
