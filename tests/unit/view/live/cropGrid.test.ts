import { describe, expect, it } from 'vitest';
import { cropBoxes } from '../../../../src/lib/engine/crops';
import { agreeing, cropGroups, stepCrop } from '../../../../src/lib/view/live/cropGrid';

describe('the test-time crops as a grid', () => {
	it("groups the paper's 144 by scale, then square, then crop beside its mirror, in the engine's order", () => {
		const groups = cropGroups(451, 300, 144);
		expect(groups.map((g) => g.scale)).toEqual([256, 288, 320, 352]);
		expect(groups.every((g) => g.squares.map((s) => s.label).join() === 'left square,centre square,right square')).toBe(true);
		const cells = groups.flatMap((g) => g.squares.flatMap((s) => s.cells));
		expect(cells.map((c) => c.index)).toEqual(Array.from({ length: 144 }, (_, i) => i));
		expect(groups[1]?.squares[2]?.cells.slice(0, 3).map((c) => c.name)).toEqual([
			'288, right square, top left',
			'288, right square, top left, mirrored',
			'288, right square, top right'
		]);
		// Cell i is the box the engine cuts for crop i.
		const boxes = cropBoxes(451, 300, 144);
		for (const c of cells) {
			expect(c.source).toEqual(boxes[c.index]?.source);
			expect(c.mirrored).toBe(boxes[c.index]?.mirror);
		}
	});

	it('names the squares of a portrait image top, centre and bottom; ten crops come from the whole image', () => {
		expect(cropGroups(300, 451, 144)[0]?.squares.map((s) => s.label)).toEqual(['top square', 'centre square', 'bottom square']);
		const ten = cropGroups(451, 300, 10);
		expect(ten).toHaveLength(1);
		expect(ten[0]?.squares[0]?.label).toBeNull();
		expect(ten[0]?.squares[0]?.cells.map((c) => c.name).slice(0, 2)).toEqual(['256, top left', '256, top left, mirrored']);
		expect(ten[0]?.squares[0]?.cells.map((c) => c.source)).toEqual(cropBoxes(451, 300, 10).map((b) => b.source));
	});

	it('counts the crops that agree with a class', () => {
		expect(agreeing([{ index: 285 }, { index: 281 }, { index: 285 }], 285)).toBe(2);
	});

	it('moves by arrow keys along a row of crops, between a crop and its mirror, and a square at a time', () => {
		expect(stepCrop(0, 'ArrowRight', 144)).toBe(2);
		expect(stepCrop(3, 'ArrowLeft', 144)).toBe(1);
		expect(stepCrop(0, 'ArrowLeft', 144)).toBe(0);
		expect(stepCrop(4, 'ArrowDown', 144)).toBe(5);
		expect(stepCrop(5, 'ArrowDown', 144)).toBe(5);
		expect(stepCrop(5, 'ArrowUp', 144)).toBe(4);
		expect(stepCrop(4, 'ArrowUp', 144)).toBe(4);
		expect(stepCrop(7, 'PageDown', 144)).toBe(19);
		expect(stepCrop(140, 'PageDown', 144)).toBe(143);
		expect(stepCrop(50, 'Home', 144)).toBe(0);
		expect(stepCrop(50, 'End', 10)).toBe(9);
		expect(stepCrop(50, 'a', 144)).toBeNull();
	});
});
