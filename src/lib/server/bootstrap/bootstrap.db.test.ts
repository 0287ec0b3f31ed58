import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { openDb } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { bootstrap } from './bootstrap.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './seed-demo.ts';

const cfg = testConfig({ NODE_ENV: 'development' });
let h: DbHandle;
let other: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
	other = await openDb(h.url, { migrate: false, max: 2 });
});
afterAll(async () => {
	await other?.close();
	await h?.close();
});

describe(bootstrap.name, () => {
	it('seeds the demo once, completely, even when two instances start together', async () => {
		const ctx = (x: DbHandle) => ({ db: x.db, kind: x.kind, cfg, auth: createAuth(x.db, cfg) });
		const [a, b] = await Promise.all([bootstrap(ctx(h)), bootstrap(ctx(other))]);
		expect([a.seeded, b.seeded].sort()).toEqual([false, true]);
		const [{ n }] = await h.raw`select count(*)::int as n from organisations`;
		expect(n).toBe(1);
		const auth = createAuth(h.db, cfg);
		for (const p of DEMO_PEOPLE) {
			const r = await auth.api.signInEmail({ body: { email: p.email, password: DEMO_PASSWORD } });
			expect(r.user.email).toBe(p.email);
		}
		const again = await bootstrap(ctx(h));
		expect(again.seeded).toBe(false);
		const [{ users }] = await h.raw`select count(*)::int as users from users`;
		expect(users).toBe(DEMO_PEOPLE.length);
	});
});
