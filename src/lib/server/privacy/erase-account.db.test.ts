import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, inArray } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeFullCourse } from '../testing/full-course-fixtures.ts';
import { countPersonalDataRows, countRowsWhere } from '../testing/personal-data-rows.ts';
import { TEST_PASSWORD } from '../testing/factories.ts';
import { resultsFor } from '../live/results.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { summarisePulse } from '../pulse/pulse-summary.ts';
import { listPulseAnswers } from '../pulse/pulse.queries.ts';
import { pseudonymOf } from '../evaluation/pseudonym.ts';
import { listLiveEventsAfter } from '../live/live-events.queries.ts';
import { PERSONAL_DATA_INVENTORY, type InventoryEntry } from './personal-data-inventory.ts';
import { eraseAccount, ERASURE_REVOKE_REASON } from './erase-account.ts';

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
const countWhere = (table: string, column: string, values: string[]) =>
	countRowsWhere(h.db, table, column, values);

type Course = Awaited<ReturnType<typeof courseWithAna>>;

/** What the group sees and the aggregates, read the way the pages read them. */
async function groupResults(c: Course) {
	const ctx = (await loadCohortContext(h.db, c.cohort.id))!;
	const blocks = ctx.pkg.sessions.find((x) => x.structure.number === 2)!.structure.blocks;
	const def = (id: string) => blocks.find((b) => b.id === id)!.activity!;
	const pulse = await listPulseAnswers(h.db, [c.s1.id]);
	const evaluation = await h.db
		.select()
		.from(s.evaluationResponses)
		.where(eq(s.evaluationResponses.cohortId, c.cohort.id));
	const pairs = new Map<string, Record<string, unknown>>();
	for (const r of evaluation) {
		pairs.set(r.pseudonym, { ...pairs.get(r.pseudonym), [r.phase]: r.answers });
	}
	return {
		checkIn: await resultsFor(h.db, c.s1.id, 'welcome-back', def('welcome-back')),
		map: await resultsFor(h.db, c.s1.id, 'community-map', def('community-map')),
		noticed: await resultsFor(h.db, c.s1.id, 'what-we-noticed', def('what-we-noticed')),
		pulse: summarisePulse(pulse, 5),
		evaluationPairs: [...pairs.values()].map((p) => JSON.stringify([p.pre, p.post])).sort()
	};
}

const key = (e: InventoryEntry) => `${e.table}:${e.columns.join(',')}`;

describe('erasing an account', () => {
	it('follows every inventory entry’s rule, and the group’s results still read the same', async () => {
		const c = await courseWithAna();
		const { ana, ben, lead } = c;
		const ids = { 'user-id': [ana.id], 'enrolment-id': [ana.enrolmentId], email: [ana.email] };
		const before = await snapshotAll();
		const resultsBefore = await groupResults(c);
		expect(resultsBefore.map.texts.map((t) => t.text)).toContain('my choir on Thursdays');
		const allEventsBefore = JSON.stringify(
			await listLiveEventsAfter(h.db, c.s1.id, 0, { facilitator: true })
		);
		expect(allEventsBefore).toContain('my choir on Thursdays');
		expect(allEventsBefore).toContain('Ana D.');
		const linkedBefore = new Map<string, number>();
		for (const e of PERSONAL_DATA_INVENTORY) {
			if (e.link.by === 'user-id' || e.link.by === 'enrolment-id' || e.link.by === 'email') {
				linkedBefore.set(key(e), await countWhere(e.table, e.link.column, ids[e.link.by]));
			}
		}

		const benEmails = await countWhere('email_outbox', 'to_address', [ben.email]);
		expect(benEmails).toBeGreaterThan(0);
		const r = await eraseAccount(h.db, cfg, auth, {
			personId: ana.id,
			actorId: ana.id,
			password: TEST_PASSWORD,
			keepCertificates: false
		});
		expect(r).toMatchObject({
			ok: true,
			summary: {
				enrolments: 1,
				liveAnswersDeleted: 1,
				liveAnswersBlanked: 2,
				liveAnswersUnlinked: 1,
				certificatesRevoked: 1,
				certificatesKept: 0,
				evaluationResponsesRepseudonymised: 2
			}
		});
		const after = await snapshotAll();
		const db = h.db;

		// Special checks, one per entry whose rows are not found by a plain id or address.
		const special: Record<string, { rule: InventoryEntry['erasure']; run: () => Promise<void> }> = {
			'verifications:identifier,value': {
				rule: 'delete-row',
				run: async () => {
					expect(before.verifications).toBe(2);
					expect(after.verifications).toBe(0);
				}
			},
			'rate_limits:key': {
				rule: 'delete-row',
				run: async () => {
					const keys = (await db.select().from(s.rateLimits)).map((x) => x.key);
					expect(keys).toEqual([`live:${ben.id}`]);
				}
			},
			'certificates:enrolment_id,name_on_certificate,code': {
				rule: 'revoke-or-keep',
				run: async () => {
					const [mine] = await db
						.select()
						.from(s.certificates)
						.where(eq(s.certificates.id, c.anasCertificate.id));
					expect(mine).toMatchObject({
						enrolmentId: null,
						nameOnCertificate: '',
						revokeReason: ERASURE_REVOKE_REASON
					});
					expect(mine.revokedAt).not.toBeNull();
					const [bens] = await db
						.select()
						.from(s.certificates)
						.where(eq(s.certificates.id, c.bensCertificate.id));
					expect(bens).toMatchObject({
						nameOnCertificate: 'Ben B.',
						revokedAt: null,
						enrolmentId: ben.enrolmentId
					});
				}
			},
			'live_answers:enrolment_id,payload,passed,shared': {
				rule: 'blank',
				run: async () => {
					const rows = await db
						.select()
						.from(s.liveAnswers)
						.where(eq(s.liveAnswers.cohortSessionId, c.s1.id));
					const json = JSON.stringify(rows);
					expect(json).not.toContain('my choir');
					expect(json).not.toContain('my sister Ana');
					expect(json).not.toContain('quiet helpers');
					expect(json).toContain('an anonymous thought');
					expect(rows.filter((x) => (x.payload as { erased?: boolean }).erased)).toHaveLength(2);
					// One private note gone; every other row stays.
					expect(after.live_answers).toBe(before.live_answers - 1);
				}
			},
			'live_events:payload': {
				rule: 'blank',
				run: async () => {
					const events = await listLiveEventsAfter(db, c.s1.id, 0, { facilitator: true });
					const json = JSON.stringify(events);
					expect(json).not.toContain('my choir on Thursdays');
					expect(json).not.toContain('quiet helpers');
					expect(json).not.toContain('Ana D.');
					expect(json).toContain('the allotment garden');
					expect(json).toContain('Ben noticed the library');
					expect(events.some((e) => e.kind === 'moment')).toBe(false);
				}
			},
			'live_state:breakout': {
				rule: 'blank',
				run: async () => {
					const [st] = await db
						.select()
						.from(s.liveState)
						.where(eq(s.liveState.cohortSessionId, c.s1.id));
					expect(st.breakout!.groups.map((g) => g.members)).toEqual([
						[ben.enrolmentId],
						[c.people[2].enrolmentId, c.people[3].enrolmentId]
					]);
				}
			},
			'pulse_answers:comment,useful,pace,able_to_pass,safe_to_share': {
				rule: 'keep-unlinked',
				run: async () => expect(after.pulse_answers).toBe(before.pulse_answers)
			},
			'evaluation_responses:pseudonym,answers': {
				rule: 'new-pseudonym',
				run: async () => {
					expect(after.evaluation_responses).toBe(before.evaluation_responses);
					expect(
						await countWhere('evaluation_responses', 'pseudonym', [
							pseudonymOf(cfg.secret, ana.id, c.cohort.id)
						])
					).toBe(0);
					expect(
						await countWhere('evaluation_responses', 'pseudonym', [
							pseudonymOf(cfg.secret, ben.id, c.cohort.id)
						])
					).toBe(2);
				}
			},
			'crisis_procedures:who_to_call': {
				rule: 'keep-unlinked',
				run: async () => expect(after.crisis_procedures).toBe(before.crisis_procedures)
			}
		};

		const checked: string[] = [];
		for (const e of PERSONAL_DATA_INVENTORY) {
			const k = key(e);
			if (special[k]) {
				expect(special[k].rule, k).toBe(e.erasure);
				await special[k].run();
			} else if (e.link.by === 'user-id' || e.link.by === 'enrolment-id' || e.link.by === 'email') {
				const now = await countWhere(e.table, e.link.column, ids[e.link.by]);
				if (e.erasure === 'delete-row') {
					// The fixture must have given the person rows here, or the check proves nothing
					// (a participant facilitates nothing: the facilitator's erasure below covers it).
					if (e.table !== 'cohort_facilitators') {
						expect(linkedBefore.get(k), `${k} had rows of the person`).toBeGreaterThan(0);
					}
					expect(now, `${k} rows of the person left`).toBe(0);
				} else if (e.erasure === 'set-null') {
					// Rows kept with the reference nulled: asserted where a facilitator is erased.
					expect(now, k).toBe(0);
				} else {
					throw new Error(`no check for ${k} (${e.erasure})`);
				}
			} else {
				throw new Error(`no check for ${k} (${e.erasure}, ${e.link.by})`);
			}
			checked.push(k);
		}
		expect(checked).toHaveLength(PERSONAL_DATA_INVENTORY.length);

		// Ben's things are untouched: his entry, the view Ana had of it went with her.
		expect(await countWhere('workbook_entries', 'id', [c.bensEntry])).toBe(1);
		expect(await countWhere('workbook_entry_views', 'viewer_id', [ben.id])).toBe(0); // on Ana's entry, gone with it
		expect(await countWhere('attendance', 'enrolment_id', [ben.enrolmentId])).toBe(4);
		expect(await countWhere('email_outbox', 'to_address', [ben.email])).toBe(benEmails);

		// The group's results: the same counts; only Ana's words are gone from the texts.
		const resultsAfter = await groupResults(c);
		expect(resultsAfter.checkIn).toEqual(resultsBefore.checkIn);
		expect(resultsAfter.pulse).toEqual(resultsBefore.pulse);
		expect(resultsAfter.evaluationPairs).toEqual(resultsBefore.evaluationPairs);
		expect(resultsAfter.map.answered).toBe(resultsBefore.map.answered - 1); // her private note
		expect(resultsAfter.map.texts.map((t) => t.text)).toEqual(['the allotment garden']);
		expect(resultsAfter.noticed.answered).toBe(resultsBefore.noticed.answered);
		expect(resultsAfter.noticed.texts.map((t) => t.text).sort()).toEqual([
			'Ben noticed the library',
			'an anonymous thought'
		]);

		// The audit keeps the erasure and the revocation, without the person.
		const audit = await db
			.select()
			.from(s.auditEvents)
			.where(inArray(s.auditEvents.action, ['erase-account', 'revoke-certificate']));
		expect(audit.map((a) => [a.action, a.subjectId, a.actorId, a.target]).sort()).toEqual([
			['erase-account', null, null, null],
			['revoke-certificate', null, null, `certificate:${c.anasCertificate.id}`]
		]);
		// Lead's read of her access needs stays, about nobody now.
		const reads = await db
			.select()
			.from(s.auditEvents)
			.where(eq(s.auditEvents.action, 'read-access-needs'));
		expect(reads).toMatchObject([{ actorId: lead.id, subjectId: null }]);
		expect(await db.select().from(s.users).where(eq(s.users.id, ana.id))).toEqual([]);
	});

	it('an admin erases a facilitator on request with a reason: their references become null, the facts stay', async () => {
		const c = await courseWithAna();
		const { lead, admin, ana } = c;
		const db = h.db;
		await db
			.update(s.liveAnswers)
			.set({ hiddenBy: lead.id })
			.where(eq(s.liveAnswers.cohortSessionId, c.s1.id));
		await db
			.update(s.certificates)
			.set({ revokedBy: lead.id })
			.where(eq(s.certificates.id, c.bensCertificate.id));
		const [cr] = await db
			.insert(s.crisisResources)
			.values({
				organisationId: c.org.id,
				country: 'CZ',
				locale: 'cs',
				name: 'Linka',
				phone: '116 123',
				lastVerifiedAt: '2026-01-01',
				verifiedBy: 'Ministry',
				position: 1,
				updatedBy: lead.id
			} as never)
			.returning();
		await db.insert(s.crisisProcedures).values({
			organisationId: c.org.id,
			whoToCall: 'Call Jana',
			whatToDo: '',
			afterwards: '',
			updatedBy: lead.id
		} as never);
		await db.insert(s.instrumentPacks).values({
			organisationId: c.org.id,
			slug: 'x',
			pack: {},
			loadedBy: lead.id,
			permissionConfirmedBy: lead.id
		});
		const setNull = PERSONAL_DATA_INVENTORY.filter((e) => e.erasure === 'set-null');
		const refsBefore = new Map<string, number>();
		for (const e of setNull) {
			for (const col of e.columns.filter((x) => /(_by|_id|viewer)$/.test(x))) {
				refsBefore.set(`${e.table}.${col}`, await countWhere(e.table, col, [lead.id]));
			}
		}
		const before = await snapshotAll();
		expect(await countWhere('cohort_facilitators', 'user_id', [lead.id])).toBe(1);

		// Refused without a reason, or with a wrong password: nothing changes.
		expect(
			await eraseAccount(db, cfg, auth, {
				personId: lead.id,
				actorId: admin.id,
				password: TEST_PASSWORD,
				keepCertificates: false
			})
		).toEqual({ ok: false, reason: 'reason-required' });
		expect(
			await eraseAccount(db, cfg, auth, {
				personId: lead.id,
				actorId: admin.id,
				password: 'not-the-password',
				reason: 'request by email',
				keepCertificates: false
			})
		).toEqual({ ok: false, reason: 'wrong-password' });
		expect(await snapshotAll()).toEqual(before);

		const r = await eraseAccount(db, cfg, auth, {
			personId: lead.id,
			actorId: admin.id,
			password: TEST_PASSWORD,
			reason: 'request by email, 3 March',
			keepCertificates: false
		});
		expect(r.ok).toBe(true);
		expect(await countWhere('cohort_facilitators', 'user_id', [lead.id])).toBe(0);
		// Every reference the inventory says becomes null did, and each was there before.
		const covered: string[] = [];
		for (const [k, n] of refsBefore) {
			const [table, col] = k.split('.');
			expect(await countWhere(table, col, [lead.id]), k).toBe(0);
			if (n > 0) covered.push(k);
		}
		expect(covered).toEqual(
			expect.arrayContaining([
				'certificates.issued_by',
				'certificates.revoked_by',
				'live_answers.hidden_by',
				'moment_signals.acknowledged_by',
				'email_outbox.secret_viewer',
				'audit_events.actor_id',
				'cohorts.created_by',
				'invitations.invited_by',
				'attendance.updated_by',
				'crisis_resources.updated_by',
				'crisis_procedures.updated_by',
				'instrument_packs.loaded_by',
				'instrument_packs.permission_confirmed_by'
			])
		);
		const after = await snapshotAll();
		for (const t of [
			'certificates',
			'live_answers',
			'moment_signals',
			'cohorts',
			'attendance',
			'crisis_resources',
			'instrument_packs'
		]) {
			expect(after[t], t).toBe(before[t]);
		}
		// The facilitator's name printed on certificates stays: those are the participants' records.
		const [bens] = await db
			.select()
			.from(s.certificates)
			.where(eq(s.certificates.id, c.bensCertificate.id));
		expect(bens.facts.facilitators).toEqual(['Lead Facilitator']);
		expect(
			(await db.select().from(s.crisisResources).where(eq(s.crisisResources.id, cr.id)))[0]
				.updatedBy
		).toBeNull();
		const [erasure] = await db
			.select()
			.from(s.auditEvents)
			.where(and(eq(s.auditEvents.action, 'erase-account'), eq(s.auditEvents.actorId, admin.id)));
		expect(erasure).toMatchObject({
			actorId: admin.id,
			actorRole: 'admin',
			subjectId: null,
			reason: 'request by email, 3 March'
		});
		// Ana, a participant, is untouched.
		expect(await countWhere('enrolments', 'user_id', [ana.id])).toBe(1);
	});

	it('keeps a certificate verifiable when the person chooses so: valid, name printed, no account behind it', async () => {
		const c = await courseWithAna();
		const since = new Date();
		const r = await eraseAccount(h.db, cfg, auth, {
			personId: c.ana.id,
			actorId: c.ana.id,
			password: TEST_PASSWORD,
			keepCertificates: true
		});
		expect(r).toMatchObject({ ok: true, summary: { certificatesRevoked: 0, certificatesKept: 1 } });
		const [mine] = await h.db
			.select()
			.from(s.certificates)
			.where(eq(s.certificates.id, c.anasCertificate.id));
		expect(mine).toMatchObject({
			enrolmentId: null,
			nameOnCertificate: 'Ana Dvořáková',
			revokedAt: null
		});
		const audit = await h.db
			.select()
			.from(s.auditEvents)
			.where(
				and(
					inArray(s.auditEvents.action, ['erase-account', 'revoke-certificate']),
					gte(s.auditEvents.at, since)
				)
			);
		expect(audit.map((a) => [a.action, a.target])).toEqual([
			['erase-account', 'certificates-kept']
		]);
	});
});
