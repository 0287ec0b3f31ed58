import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.ts';
import { auditEvents, users } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { createAuth, type Auth } from '../auth/auth.ts';
import { makeOrganisation, makePerson } from '../testing/factories.ts';
import { recordAuditEvents } from './record-audit-events.ts';
import { listAccessToPerson, listAuditEvents } from './audit-events.queries.ts';

let h: DbHandle;
let auth: Auth;
beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, testConfig());
});
afterAll(async () => {
	await h?.close();
});

describe('audit of sensitive access', () => {
	it('records a read once per actor, subject and day; the person reading their own data is not recorded', async () => {
		const org = await makeOrganisation(h.db);
		const ana = await makePerson(h.db, auth, { organisationId: org.id, name: 'Ana' });
		const fac = await makePerson(h.db, auth, {
			organisationId: org.id,
			roles: ['facilitator'],
			name: 'Fatima'
		});
		const day1 = new Date('2026-03-02T09:00:00Z');
		const read = {
			actorRole: 'facilitator',
			subjectId: ana.id,
			action: 'read-access-needs',
			target: 'access-needs'
		} as const;
		await recordAuditEvents(h.db, [{ ...read, actorId: fac.id }], day1);
		await recordAuditEvents(h.db, [{ ...read, actorId: fac.id }], new Date('2026-03-02T17:00:00Z'));
		await recordAuditEvents(h.db, [{ ...read, actorId: fac.id }], new Date('2026-03-03T08:00:00Z'));
		await recordAuditEvents(h.db, [{ ...read, actorId: ana.id, actorRole: 'participant' }], day1);

		const seen = await listAccessToPerson(h.db, ana.id);
		expect(seen.map((e) => [e.action, e.actorName, e.at.toISOString().slice(0, 10)])).toEqual([
			['read-access-needs', 'Fatima', '2026-03-03'],
			['read-access-needs', 'Fatima', '2026-03-02']
		]);
	});

	it('keeps the fact of an access after the subject is erased, without who it was about', async () => {
		const org = await makeOrganisation(h.db);
		const ben = await makePerson(h.db, auth, { organisationId: org.id, name: 'Ana' });
		const admin = await makePerson(h.db, auth, {
			organisationId: org.id,
			roles: ['admin'],
			name: 'Adam'
		});
		await recordAuditEvents(h.db, [
			{
				actorId: admin.id,
				actorRole: 'admin',
				subjectId: ben.id,
				action: 'erase-account',
				reason: 'asked by email'
			}
		]);
		await h.db.delete(users).where(eq(users.id, ben.id));
		const [row] = await h.db.select().from(auditEvents).where(eq(auditEvents.actorId, admin.id));
		expect(row).toMatchObject({
			subjectId: null,
			action: 'erase-account',
			reason: 'asked by email'
		});
		const log = await listAuditEvents(h.db, { limit: 10, personId: admin.id });
		expect(log[0]).toMatchObject({ actorName: 'Adam', subjectName: null });
	});
});
