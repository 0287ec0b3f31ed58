import { describe, expect, it } from 'vitest';
import { enough, shuffled, suppressComplementary } from './small-numbers.ts';

describe('small-number suppression', () => {
	it('never shows fewer than 5, whatever the setting says', () => {
		expect(enough(4, 5)).toBe(false);
		expect(enough(5, 5)).toBe(true);
		expect(enough(4, 2)).toBe(false);
		expect(enough(6, 8)).toBe(false);
	});

	it('hides a second group when one small group could be recovered from the total', () => {
		// en 12, cs 3, uk 7 with the total shown: cs alone hidden would be 22 − 12 − 7.
		expect(suppressComplementary([12, 3, 7], 5, true)).toEqual([true, false, false]);
		// Without a shown total there is nothing to subtract from.
		expect(suppressComplementary([12, 3, 7], 5, false)).toEqual([true, false, true]);
		// Two small groups already protect each other.
		expect(suppressComplementary([12, 3, 2], 5, true)).toEqual([true, false, false]);
		expect(suppressComplementary([12, 9], 5, true)).toEqual([true, true]);
	});

	it('shuffles without losing or adding anything', () => {
		const a = Array.from({ length: 50 }, (_, i) => i);
		const s = shuffled(a);
		expect([...s].sort((x, y) => x - y)).toEqual(a);
		expect(a[0]).toBe(0);
	});
});
