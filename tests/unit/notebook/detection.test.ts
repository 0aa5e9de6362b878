import { describe, expect, test } from 'vitest';
import { ORDERS, detectionRows, mapText, tableSpec } from '$components/notebook/detection';
import { DETECTION, TABLE5 } from '$components/notebook/paper-results';

const teams = (rows: { team: string }[]) => rows.map((r) => r.team);

describe('Tables 4 and 5 as the detection chart shows them', () => {
	test('Table 4 as printed: the 2013 winner, then the top three of 2014', () => {
		const rows = detectionRows('table4', 'printed');
		expect(teams(rows)).toEqual(DETECTION.map((e) => e.team));
		expect(rows.map(mapText)).toEqual(['22.6%', '40.5%', '40.7%', '43.9%']);
		expect(rows.find((r) => r.ours)?.cells).toEqual(['2014', '1st', 'ImageNet 1k', '6', 'CNN']);
		expect(rows[0]?.cells[3]).toBe('?');
		expect(tableSpec('table4').columns).toHaveLength(rows[0]!.cells.length);
	});

	test('Table 5 prints GoogLeNet with two decimals, behind Deep Insight', () => {
		const rows = detectionRows('table5', 'map');
		expect(teams(rows).slice(0, 2)).toEqual(['Deep Insight', 'GoogLeNet']);
		expect(rows.map(mapText).slice(0, 2)).toEqual(['40.2%', '38.02%']);
		expect(tableSpec('table5').columns).toHaveLength(rows[0]!.cells.length);
		expect(rows).toHaveLength(TABLE5.length);
	});

	test('every order keeps every row; mAP puts the best first, team sorts by name', () => {
		for (const { value } of ORDERS) expect(detectionRows('table5', value)).toHaveLength(TABLE5.length);
		const byMap = detectionRows('table4', 'map').map((r) => r.map);
		expect(byMap).toEqual([...byMap].sort((a, b) => b - a));
		expect(teams(detectionRows('table4', 'team'))).toEqual(['CUHK DeepID-Net', 'Deep Insight', 'GoogLeNet', 'UvA-Euvision']);
	});

	test('filters keep only the rows that pass', () => {
		expect(detectionRows('table4', 'printed', '2014').every((r) => r.cells[0] === '2014')).toBe(true);
		expect(detectionRows('table4', 'printed', '2014')).toHaveLength(3);
		const noContext = detectionRows('table5', 'map', 'no-context');
		expect(teams(noContext)).toEqual(['GoogLeNet', 'CUHK DeepID-Net2', 'Berkeley Vision', 'Trimps-Soushen']);
		expect(tableSpec('table5').filters.map((f) => f.value)).toEqual(['all', 'no-context']);
	});

	test('an unknown filter is refused in one line', () => {
		expect(() => detectionRows('table5', 'map', '2014')).toThrow('Table 5: single models has no filter "2014"');
	});
});
