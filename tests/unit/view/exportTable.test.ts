import { describe, expect, it } from 'vitest';
import { networkCost } from '../../../src/lib/core/cost';
import { exportFileName, exportRows, toCsv, toJson } from '../../../src/lib/view/exportTable';
import { DEFAULT_SETTINGS } from '../../../src/lib/view/settings';

describe('export of the layer table', () => {
  const cost = networkCost({ convention: 'run' });
  const rows = exportRows(cost);

  it('has every layer once, in order, with the totals adding up', () => {
    const main = rows.filter((r) => r.part === 'main');
    const layers = cost.rows.flatMap((r) => r.layers).length;
    expect(main).toHaveLength(layers + 9); // plus one concatenation per module
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(main[0]).toMatchObject({ name: 'conv1/7x7_s2', type: 'conv', input: '224x224x3', output: '112x112x64', params: 9472, rf: 7, rfJump: 2 });
    expect(main.reduce((s, r) => s + r.params, 0)).toBe(cost.total.params);
    expect(main.reduce((s, r) => s + r.macs, 0)).toBe(cost.total.macs);
    expect(main.reduce((s, r) => s + r.activationBytes, 0)).toBe(cost.total.activationBytes);
    const concat = rows.find((r) => r.name === 'inception_3a/output')!;
    expect(concat).toMatchObject({ type: 'concat', input: '64+128+32+32', output: '28x28x256', activationBytes: 28 * 28 * 256 * 4 });
    expect(rows.filter((r) => r.part === 'aux').map((r) => r.name)).toContain('loss2/classifier');
  });

  it('writes CSV with a header and one line per row', () => {
    const csv = toCsv(rows);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('name,type,part,table1_row,module,branch,input_shape,output_shape,params,macs,activation_bytes,receptive_field,rf_stride');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toBe('conv1/7x7_s2,conv,main,1,,,224x224x3,112x112x64,9472,118013952,3211264,7,2');
    expect(toCsv([{ ...rows[0], name: 'a,"b"' }]).split('\n')[1]).toMatch(/^"a,""b""",/);
  });

  it('writes JSON with the configuration and the totals', () => {
    const settings = { ...DEFAULT_SETTINGS, convention: 'run' as const, naive: 'all' as const };
    const json = JSON.parse(toJson(networkCost({ convention: 'run', naive: 'all' }), settings));
    expect(json.convention).toBe('run');
    expect(json.naive).toBe('all');
    expect(json.total.macs).toBe(12_568_061_056);
    expect(json.layers).toHaveLength(exportRows(networkCost({ convention: 'run', naive: 'all' })).length);
    expect(exportFileName(settings, 'csv')).toBe('googlenet-run-naive.csv');
    expect(exportFileName({ ...DEFAULT_SETTINGS, naive: ['inception_4c'], overrides: { 'inception_4c/1x1': 3 } }, 'json')).toBe(
      'googlenet-printed-naive-4c-whatif.json'
    );
  });
});
