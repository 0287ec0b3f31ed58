import { describe, expect, it } from 'vitest';
import { chunk, movePerson, placeManually } from './breakouts.ts';

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

	it('places people as chosen, closes up unused numbers, and leaves nobody alone', () => {
		const at = (...g: [string, number][]) =>
			g.map(([enrolmentId, group]) => ({ enrolmentId, group }));
		expect(placeManually(['a', 'b', 'c', 'd'], at(['d', 5], ['a', 2], ['b', 5], ['c', 2]))).toEqual(
			{
				ok: true,
				groups: [
					{ n: 1, members: ['a', 'c'] },
					{ n: 2, members: ['d', 'b'] }
				]
			}
		);
		expect(placeManually(['a'], at(['a', 3]))).toEqual({
			ok: true,
			groups: [{ n: 1, members: ['a'] }]
		});
		expect(placeManually(['a', 'b', 'c'], at(['a', 1], ['b', 1], ['c', 2]))).toEqual({
			ok: false,
			reason: 'alone'
		});
		expect(placeManually(['a', 'b'], at(['a', 1], ['b', 1], ['a', 1]))).toEqual({
			ok: false,
			reason: 'duplicate-person'
		});
		expect(placeManually(['a', 'b'], at(['a', 1], ['x', 1]))).toEqual({
			ok: false,
			reason: 'unknown-person'
		});
		expect(placeManually(['a', 'b', 'c'], at(['a', 1], ['b', 1]))).toEqual({
			ok: false,
			reason: 'missing-person'
		});
	});
});
