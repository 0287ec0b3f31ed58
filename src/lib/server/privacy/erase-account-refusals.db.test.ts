import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeFullCourse } from '../testing/full-course-fixtures.ts';
import { countPersonalDataRows } from '../testing/personal-data-rows.ts';
import { TEST_PASSWORD } from '../testing/factories.ts';
import { eraseAccount } from './erase-account.ts';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	await h?.close();
});

const courseWithAna = () => makeFullCourse(h.db, { cfg, auth });
const snapshotAll = () => countPersonalDataRows(h.db);

describe('erasing an account', () => {
	it('refuses without re-authentication, a forged erasure of someone else, and the last admin; nothing changes', async () => {
		const c = await courseWithAna();
		const before = await snapshotAll();
		const attempt = (personId: string, actorId: string, password = TEST_PASSWORD) =>
			eraseAccount(h.db, cfg, auth, {
				personId,
				actorId,
				password,
				keepCertificates: false,
				reason: 'x'
			});
		expect(await attempt(c.ana.id, c.ana.id, '')).toEqual({ ok: false, reason: 'wrong-password' });
		expect(await attempt(c.ana.id, c.ana.id, 'wrong password')).toEqual({
			ok: false,
			reason: 'wrong-password'
		});
		// Ben posts Ana's id with his own, right password: not his account, not an admin.
		expect(await attempt(c.ana.id, c.ben.id)).toEqual({ ok: false, reason: 'not-allowed' });
		// A facilitator of her cohort is not an admin either.
		expect(await attempt(c.ana.id, c.lead.id)).toEqual({ ok: false, reason: 'not-allowed' });
		expect(await attempt(randomUUID(), c.admin.id)).toEqual({ ok: false, reason: 'not-found' });
		// She holds a valid certificate: she must say what happens to it first.
		expect(
			await eraseAccount(h.db, cfg, auth, {
				personId: c.ana.id,
				actorId: c.ana.id,
				password: TEST_PASSWORD
			})
		).toEqual({ ok: false, reason: 'certificate-choice' });
		expect(await snapshotAll()).toEqual(before);
		// The last admin stays (the other admin goes first, then this one is refused).
		const admins = await h.db
			.select()
			.from(s.memberships)
			.where(and(eq(s.memberships.organisationId, c.org.id), eq(s.memberships.role, 'admin')));
		expect(admins).toHaveLength(2);
		const other = admins.find((a) => a.userId !== c.admin.id)!;
		expect((await attempt(other.userId, other.userId)).ok).toBe(true);
		const mid = await snapshotAll();
		expect(await attempt(c.admin.id, c.admin.id)).toEqual({ ok: false, reason: 'last-admin' });
		expect(await snapshotAll()).toEqual(mid);
		expect(
			await h.db
				.select()
				.from(s.users)
				.where(and(eq(s.users.id, c.admin.id), isNull(s.users.image)))
		).toHaveLength(1);
	});
});
