import { describe, expect, it } from 'vitest';
import { chunk, movePerson } from './breakouts.ts';

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

	it('moves a person between groups, or into a new one, and drops empty groups', () => {
		const g = [
			{ n: 1, members: ['a', 'b'] },
			{ n: 2, members: ['c'] }
		];
		expect(movePerson(g, 'c', 1)).toEqual([{ n: 1, members: ['a', 'b', 'c'] }]);
		expect(movePerson(g, 'a', 3)).toEqual([
			{ n: 1, members: ['b'] },
			{ n: 2, members: ['c'] },
			{ n: 3, members: ['a'] }
		]);
		expect(movePerson(g, 'x', 1)).toBeNull();
	});
});
