import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { JOIN_LIMITS, joinRequestAllowed } from './join-request-limits.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

describe(joinRequestAllowed.name, () => {
	const t = 5_000_000;

	it('lets a whole group join from one office network, each person a few times', async () => {
		// 18 people behind one address, two tries each, within the hour: all let through.
		const tries = [];
		for (let p = 0; p < 18; p++) {
			for (let k = 0; k < 2; k++) {
				tries.push(
					await joinRequestAllowed(h.db, {
						client: '203.0.113.7',
						email: `person${p}@example.org`,
						scale: 1,
						now: t + p * 10 + k
					})
				);
			}
		}
		expect(tries.every(Boolean)).toBe(true);
	});

	it(`refuses the ${JOIN_LIMITS.perEmail + 1}th request for one email address within the hour, from any network`, async () => {
		const ask = (client: string, email: string, now: number) =>
			joinRequestAllowed(h.db, { client, email, scale: 1, now });
		const results = [];
		for (let i = 0; i < JOIN_LIMITS.perEmail + 1; i++) {
			results.push(
				await ask(`198.51.100.${i}`, i % 2 ? 'Ana@Example.org' : 'ana@example.org', t + i)
			);
		}
		expect(results).toEqual([...Array(JOIN_LIMITS.perEmail).fill(true), false]);
		// An hour later the address may ask again.
		expect(await ask('198.51.100.99', 'ana@example.org', t + 3_601_000)).toBe(true);
	});

	it(`refuses an address after ${JOIN_LIMITS.perAddress} requests within the hour`, async () => {
		const results = [];
		for (let i = 0; i < JOIN_LIMITS.perAddress + 1; i++) {
			results.push(
				await joinRequestAllowed(h.db, {
					client: '192.0.2.1',
					email: `many${i}@example.org`,
					scale: 1,
					now: t + i
				})
			);
		}
		expect(results.slice(0, JOIN_LIMITS.perAddress).every(Boolean)).toBe(true);
		expect(results[JOIN_LIMITS.perAddress]).toBe(false);
	});

	it('scales with RATE_LIMIT_SCALE', async () => {
		const results = [];
		for (let i = 0; i < JOIN_LIMITS.perEmail * 2 + 1; i++) {
			results.push(
				await joinRequestAllowed(h.db, {
					client: `2001:db8::${i}`,
					email: 'scaled@example.org',
					scale: 2,
					now: t + i
				})
			);
		}
		expect(results.filter(Boolean)).toHaveLength(JOIN_LIMITS.perEmail * 2);
	});
});
