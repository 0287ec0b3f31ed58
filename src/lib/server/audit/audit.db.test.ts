import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../db/client.ts';
import { auditEvents, users } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { createAuth, type Auth } from '../auth/auth.ts';
import { makeOrganisation, makePerson } from '../testing/factories.ts';
import { recordAuditEvents } from './record-audit-events.ts';
import { listAccessToPerson, listAuditEvents } from './audit-events.queries.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { addEntry } from '../workbook/add-entry.ts';
import { shareEntry } from '../workbook/share-entry.ts';
import { openEntry } from '../workbook/open-entry.ts';
import { issueCertificate } from '../certificates/issue-certificate.ts';
import { revokeCertificate } from '../certificates/revoke-certificate.ts';
import { changeRole } from '../accounts/change-role.ts';
import { recordProfileReads } from './record-profile-reads.ts';
import { recordExport } from './record-export.ts';

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

	it('a person sees who opened their shared entry, revoked their certificate, changed their role, read their access needs and exported them — never what was in it', async () => {
		const cfg = testConfig();
		const c = await makeCohort(h.db, { cfg, auth });
		const mira = await makePerson(h.db, auth, { organisationId: c.org.id, name: 'Mira' });
		const admin = await makePerson(h.db, auth, {
			organisationId: c.org.id,
			roles: ['admin'],
			name: 'Olga Admin'
		});
		await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: mira.id, via: 'invitation' });
		const added = await addEntry(h.db, {
			id: crypto.randomUUID(),
			cohortId: c.cohort.id,
			userId: mira.id,
			sessionNumber: 1,
			kind: 'reflection',
			fields: { text: 'What I noticed about hope this week' }
		});
		if (!added.ok) throw new Error(added.reason);
		const entry = added.entry;
		// Her own opening is not access by someone else; private entries are not opened at all.
		await openEntry(h.db, { entryId: entry.id, cohortId: c.cohort.id, viewerId: mira.id });
		expect(
			await openEntry(h.db, { entryId: entry.id, cohortId: c.cohort.id, viewerId: c.lead.id })
		).toEqual({ ok: false, reason: 'not-found' });
		expect(await listAccessToPerson(h.db, mira.id)).toEqual([]);

		await shareEntry(h.db, {
			entryId: entry.id,
			cohortId: c.cohort.id,
			userId: mira.id,
			sharing: 'facilitators'
		});
		await openEntry(h.db, { entryId: entry.id, cohortId: c.cohort.id, viewerId: c.lead.id });
		const enrolment = (await findEnrolment(h.db, c.cohort.id, mira.id))!;
		await recordProfileReads(h.db, { id: c.peer.id, facilitator: true }, c.cohort.id, [
			{ userId: mira.id, accessNeeds: 'Captions, please', backgroundShown: false },
			// Nothing filled in: nothing was seen, nothing recorded.
			{ userId: c.lead.id, accessNeeds: '  ', backgroundShown: false }
		]);
		await recordExport(h.db, {
			actor: { id: admin.id, facilitator: false },
			action: 'export-report',
			target: 'group-report.csv',
			subjects: [
				{ userId: mira.id, cohortId: c.cohort.id },
				{ userId: mira.id, cohortId: c.cohort.id }
			]
		});
		const issued = await issueCertificate(h.db, {
			cohortId: c.cohort.id,
			enrolmentId: enrolment.id,
			by: c.lead.id,
			reason: 'Completed the course'
		});
		if (!issued.ok) throw new Error(issued.reason);
		await revokeCertificate(h.db, {
			cohortId: c.cohort.id,
			certificateId: issued.certificate.id,
			by: admin.id,
			byRole: 'admin',
			reason: 'Issued to the wrong group'
		});
		await changeRole(h.db, {
			organisationId: c.org.id,
			userId: mira.id,
			role: 'facilitator',
			action: 'add',
			by: admin.id
		});
		// Adding a role she already holds changes nothing and records nothing.
		await changeRole(h.db, {
			organisationId: c.org.id,
			userId: mira.id,
			role: 'facilitator',
			action: 'add',
			by: admin.id
		});

		const seen = await listAccessToPerson(h.db, mira.id);
		expect(
			seen
				.map((e) => [e.action, e.actorName, e.actorRole, e.target])
				.sort((a, b) => String(a[0]).localeCompare(String(b[0])))
		).toEqual([
			['change-role', 'Olga Admin', 'admin', 'add:facilitator'],
			['export-report', 'Olga Admin', 'admin', 'group-report.csv'],
			['open-shared-entry', 'Lead Facilitator', 'facilitator', `workbook-entry:${entry.id}`],
			['read-access-needs', 'Peer Trainer', 'facilitator', 'access-needs'],
			['revoke-certificate', 'Olga Admin', 'admin', `certificate:${issued.certificate.code}`]
		]);
		expect(JSON.stringify(seen)).not.toContain('hope');
		expect(JSON.stringify(seen)).not.toContain('Captions');
		expect(seen.every((e) => e.cohortName === 'Spring group' || e.action === 'change-role')).toBe(
			true
		);
	});
});
