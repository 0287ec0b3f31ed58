import { describe, expect, it } from 'vitest';
import { BurstLimit } from './burst-limit.ts';

describe('BurstLimit', () => {
	it('lets `max` uses through per window and key, then refuses until the window ends', () => {
		const limit = new BurstLimit({ max: 3, windowS: 60 });
		const t = 1_000_000;
		expect([1, 2, 3, 4].map((i) => limit.hit('ana', t + i))).toEqual([true, true, true, false]);
		// Someone else has their own count.
		expect(limit.hit('ben', t + 5)).toBe(true);
		expect(limit.hit('ana', t + 59_999)).toBe(false);
		expect(limit.hit('ana', t + 60_001)).toBe(true);
	});

	it('forgets people whose window has ended', () => {
		const limit = new BurstLimit({ max: 1, windowS: 1 });
		for (let i = 0; i < 1000; i++) limit.hit(`p${i}`, 0);
		limit.hit('late', 5000);
		const size = (limit as unknown as { windows: Map<string, unknown> }).windows.size;
		expect(size).toBe(1);
	});
});
