import { describe, expect, it } from 'vitest';
import { chunk } from './breakouts.ts';

describe('breakout groups', () => {
	it('never leaves one person alone', () => {
		expect(chunk([1, 2, 3, 4, 5, 6, 7], 2)).toEqual([
			[1, 2],
			[3, 4],
			[5, 6, 7]
		]);
		expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
			[1, 2, 3],
			[4, 5, 6, 7]
		]);
		expect(chunk([1, 2, 3], 2)).toEqual([[1, 2, 3]]);
		expect(chunk([1], 2)).toEqual([[1]]);
		expect(chunk([], 2)).toEqual([]);
	});
});
