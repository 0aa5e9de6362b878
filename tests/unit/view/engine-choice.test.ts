import { describe, expect, it } from 'vitest';
import { seconds } from '../../../src/lib/core/format';
import { choiceFromQuery, DEFAULT_CHOICE, parseChoice, viewWithChoice } from '../../../src/lib/view/live/engine-choice';
import { DEFAULT_VIEW } from '../../../src/lib/view/live/query';

describe("the reader's engine choice", () => {
	it('reads what was stored, leniently', () => {
		expect(parseChoice(JSON.stringify({ backend: 'webgl', precision: 'float32' }))).toEqual({ backend: 'webgl', precision: 'float32' });
		expect(parseChoice(null)).toEqual(DEFAULT_CHOICE);
		expect(parseChoice('not json')).toEqual(DEFAULT_CHOICE);
		expect(parseChoice(JSON.stringify({ backend: 'tpu', precision: 8 }))).toEqual(DEFAULT_CHOICE);
		expect(parseChoice(JSON.stringify({ backend: null, precision: 'float32' }))).toEqual({ backend: null, precision: 'float32' });
		expect(DEFAULT_CHOICE).toEqual({ backend: null, precision: 'float16' });
	});

	it("the address overrides what was stored, part by part", () => {
		const stored = { backend: 'webgl', precision: 'float32' } as const;
		expect(choiceFromQuery(new URLSearchParams('backend=wasm'), stored)).toEqual({ backend: 'wasm', precision: 'float32' });
		expect(choiceFromQuery(new URLSearchParams('precision=float16'), stored)).toEqual({ backend: 'webgl', precision: 'float16' });
		expect(choiceFromQuery(new URLSearchParams('backend=nope'), stored)).toEqual(stored);
		expect(choiceFromQuery(new URLSearchParams(''), DEFAULT_CHOICE)).toEqual(DEFAULT_CHOICE);
	});

	it("the live page's view takes the stored choice where its address names none", () => {
		const stored = { backend: 'cpu', precision: 'float32' } as const;
		expect(viewWithChoice(DEFAULT_VIEW, new URLSearchParams('image=coffee'), stored)).toEqual({ ...DEFAULT_VIEW, backend: 'cpu', precision: 'float32' });
		expect(viewWithChoice({ ...DEFAULT_VIEW, backend: 'wasm' }, new URLSearchParams('backend=wasm'), stored).backend).toBe('wasm');
	});

	it('elapsed seconds, as the stage line shows them', () => {
		expect(seconds(432)).toBe('0.4 s');
		expect(seconds(9_949)).toBe('9.9 s');
		expect(seconds(12_400)).toBe('12 s');
		expect(seconds(-5)).toBe('0.0 s');
	});
});
