import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { hit } from './rate-limit.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

describe(hit.name, () => {
	it('lets `max` requests through per window, then refuses until the window has passed', async () => {
		const limit = { max: 3, windowS: 60 };
		const t = 1_000_000;
		const results = [];
		for (let i = 0; i < 4; i++) results.push(await hit(h.db, 'test:a', limit, t + i));
		expect(results).toEqual([true, true, true, false]);
		// Another key has its own count.
		expect(await hit(h.db, 'test:b', limit, t)).toBe(true);
		// A minute later the window starts again.
		expect(await hit(h.db, 'test:a', limit, t + 61_000)).toBe(true);
	});

	it('counts concurrent requests exactly (one row per key, updated in place)', async () => {
		const limit = { max: 100, windowS: 60 };
		const all = await Promise.all(
			Array.from({ length: 40 }, () => hit(h.db, 'test:burst', limit, 2_000_000))
		);
		expect(all.every(Boolean)).toBe(true);
		const [row] = (await h.db.execute(
			sql`select count from rate_limits where key = 'form:test:burst'`
		)) as unknown as { count: number }[];
		expect(Number(row.count)).toBe(40);
	});
});
