import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { Db, DbHandle } from '../db/client.ts';
import {
	auditEvents,
	emailOutbox,
	evaluationRespondents,
	evaluationResponses,
	liveAnswers,
	liveEvents,
	liveState,
	liveVotes,
	momentSignals,
	notifications,
	pulseAnswers,
	pulseRespondents,
	workbookEntries,
	workbookEntryViews,
	workbookMapSnapshots,
	workbookPreferences
} from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeOrganisation, makePerson } from '../testing/factories.ts';
import { courseVersionIn } from '../testing/cohort-fixtures.ts';
import { createCohort } from '../cohorts/create-cohort.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { liveAccess, liveSubject } from '../live/live-access.ts';
import { liveView } from '../live/live-view.ts';
import { sessionRecord } from '../live/session-record.ts';
import { ownWords } from '../live/own-words.ts';
import { loadReport } from '../reports/load-report.ts';
import { startSmtpPeer } from '../../../../tests/support/smtp-peer.ts';
import { closeTransports, deliverDueEmails } from '../notifications/deliver-emails.ts';
import { planRetention, type RetentionPlan } from './plan-retention.ts';
import { runRetention } from './run-retention.ts';
import { setRetentionSettings } from './set-retention-settings.ts';
import { findRetentionSettings } from './retention-settings.queries.ts';
import { countCohortData } from './retention.queries.ts';
import { DEFAULT_PERIODS } from './retention-periods.ts';
import { startBackgroundJobs } from '../jobs/background-jobs.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';

/*
 * Retention under a controlled clock (issue #16 item 4). Every use case takes `now`; the test
 * walks one organisation through two years: cohort A ends on 27 January 2027, cohort C on
 * 24 March 2027, and cohort B is still running (its fourth session is in January 2029).
 */

let h: DbHandle;
let auth: Auth;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
const cfg = testConfig();

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
	smtp = await startSmtpPeer();
});
afterAll(async () => {
	closeTransports();
	await smtp?.close();
	await h?.close();
});

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

async function cohortWith(
	db: Db,
	org: { id: string },
	lead: { id: string },
	name: string,
	starts: string[]
) {
	const { cohort } = await createCohort(
		db,
		{
			organisationId: org.id,
			courseVersionId: await courseVersionIn(db),
			name,
			locale: 'en',
			timeZone: 'Europe/Prague',
			capacity: 18,
			joinNeedsApproval: false,
			completionRule: { minPresent: 3, required: [] },
			sessions: starts.map((s, i) => ({
				number: i + 1,
				startsAt: at(s),
				endsAt: new Date(at(s).getTime() + 3 * HOUR),
				videoKind: 'none' as const,
				videoUrl: null,
				videoRoom: null,
				videoSecret: null
			})),
			createdBy: lead.id,
			creatorIsPeerTrainer: false,
			coFacilitators: []
		},
		at('2027-01-01T09:00:00Z')
	);
	return cohort;
}

type Person = { id: string; email: string };

/*
 * A cohort's data of every kind, written straight into its tables: live rows (state, two
 * events, the first writer's answer and an anonymous one, a vote, a "moment"), one workbook
 * entry per writer plus a view of the first one, a map copy and a preference, and 6
 * evaluation rows (two responses, two respondents, a pulse answer and its respondent).
 */
async function fill(db: Db, cohortId: string, writers: Person[], facilitator: Person) {
	const sessions = await listSessions(db, cohortId);
	const s1 = sessions[0];
	const enrolments = await Promise.all(writers.map((w) => findEnrolment(db, cohortId, w.id)));
	await db.insert(liveState).values({ cohortSessionId: s1.id });
	await db.insert(liveEvents).values([
		{ cohortSessionId: s1.id, kind: 'state', payload: {} as never },
		{ cohortSessionId: s1.id, kind: 'state', payload: {} as never }
	]);
	const answerId = randomUUID();
	await db.insert(liveAnswers).values([
		{
			id: answerId,
			cohortSessionId: s1.id,
			blockId: 'b1',
			enrolmentId: enrolments[0]!.id,
			payload: { text: 'what I shared' }
		},
		{ id: randomUUID(), cohortSessionId: s1.id, blockId: 'b1', payload: { text: 'anonymous' } }
	]);
	await db.insert(liveVotes).values({ answerId, enrolmentId: enrolments[0]!.id });
	await db
		.insert(momentSignals)
		.values({ id: randomUUID(), cohortSessionId: s1.id, enrolmentId: enrolments[0]!.id });

	const entryIds: string[] = [];
	for (const w of writers) {
		const id = randomUUID();
		entryIds.push(id);
		await db.insert(workbookEntries).values({
			id,
			cohortId,
			userId: w.id,
			sessionNumber: 1,
			kind: 'reflection',
			fields: { text: 'my own words' },
			sharing: 'facilitators'
		});
	}
	await db.insert(workbookEntryViews).values({ entryId: entryIds[0], viewerId: facilitator.id });
	await db
		.insert(workbookMapSnapshots)
		.values({ cohortId, userId: writers[writers.length - 1].id, label: 'before', ties: [] });
	await db.insert(workbookPreferences).values({ cohortId, userId: writers[0].id });

	await db.insert(evaluationResponses).values([
		{ cohortId, phase: 'pre', questionnaire: 'q', pseudonym: randomUUID(), answers: { a: 1 } },
		{ cohortId, phase: 'post', questionnaire: 'q', pseudonym: randomUUID(), answers: { a: 2 } }
	]);
	await db.insert(evaluationRespondents).values([
		{ cohortId, phase: 'pre', userId: writers[0].id },
		{ cohortId, phase: 'post', userId: writers[0].id }
	]);
	await db.insert(pulseAnswers).values({ cohortSessionId: s1.id, useful: 4, comment: 'kind' });
	await db.insert(pulseRespondents).values({ cohortSessionId: s1.id, userId: writers[0].id });
	return { s1 };
}

// State, two events, the anonymous answer and a "moment": the room's own data.
const LIVE = 5;
const EVALUATION = 6;
// One entry per writer, a view, a map copy, a preference, and the first writer's own live
// answer with the vote on it (the workbook shows it, so it follows the workbook).
const workbookRows = (writers: number) => writers + 5;

async function world(db: Db) {
	const org = await makeOrganisation(db);
	const lead = await makePerson(db, auth, { organisationId: org.id, roles: ['facilitator'] });
	const admin = await makePerson(db, auth, { organisationId: org.id, roles: ['admin'] });
	const ana = await makePerson(db, auth, { organisationId: org.id, name: 'Ana', locale: 'en' });
	const petr = await makePerson(db, auth, { organisationId: org.id, name: 'Petr', locale: 'cs' });
	const olena = await makePerson(db, auth, { organisationId: org.id, name: 'Olena', locale: 'uk' });
	// Dana has a place in A but wrote nothing in its workbook: she gets no notice.
	const dana = await makePerson(db, auth, { organisationId: org.id, name: 'Dana' });
	const weekly = (first: string) =>
		[0, 1, 2, 3].map((i) => new Date(at(first).getTime() + i * 7 * 24 * HOUR).toISOString());
	const a = await cohortWith(db, org, lead, 'Group A', weekly('2027-01-06T18:00:00Z'));
	const c = await cohortWith(db, org, lead, 'Group C', weekly('2027-03-03T18:00:00Z'));
	const b = await cohortWith(db, org, lead, 'Group B', [
		...weekly('2027-01-06T18:00:00Z').slice(0, 3),
		'2029-01-10T18:00:00Z'
	]);
	const join = async (cohortId: string, people: Person[]) => {
		for (const p of people) {
			await joinCohort(db, cfg, {
				cohortId,
				userId: p.id,
				via: 'invitation',
				now: at('2027-01-02T09:00:00Z')
			});
		}
	};
	await join(a.id, [ana, petr, olena, dana]);
	await join(b.id, [ana]);
	await join(c.id, [ana]);
	// The enrolment emails are dated by the database clock; put them on the test's clock.
	await db
		.update(emailOutbox)
		.set({ createdAt: at('2027-01-02T09:00:00Z') })
		.where(inArray(emailOutbox.cohortId, [a.id, b.id, c.id]));
	const filledA = await fill(db, a.id, [ana, petr, olena], lead);
	await fill(db, b.id, [ana], lead);
	await fill(db, c.id, [ana], lead);
	return { org, lead, admin, ana, petr, olena, dana, a, b, c, s1A: filledA.s1 };
}

const counts = async (db: Db, cohortId: string) => ({
	live: (await countCohortData(db, 'live', [cohortId])).get(cohortId),
	workbook: (await countCohortData(db, 'workbook', [cohortId])).get(cohortId),
	evaluation: (await countCohortData(db, 'evaluation', [cohortId])).get(cohortId)
});

const cohortItems = (plan: RetentionPlan) =>
	plan.items
		.filter((i) => i.cohortId)
		.map((i) => ({
			cohort: i.cohortName,
			kind: i.kind,
			count: i.count,
			dueAt: i.dueAt.toISOString(),
			deleteOn: i.deleteOn.toISOString(),
			heldBy: i.heldBy
		}));

const noticesIn = (db: Db, ids: string[]) =>
	db
		.select()
		.from(emailOutbox)
		.where(and(eq(emailOutbox.kind, 'retention-notice'), inArray(emailOutbox.cohortId, ids)));

describe('retention under a controlled clock', () => {
	it('plans, tells people once ahead of time in their language, deletes on the date and records it; never a running or later cohort', async () => {
		const w = await world(h.db);
		const org = w.org.id;
		const before = { b: await counts(h.db, w.b.id), c: await counts(h.db, w.c.id) };
		expect(before.b).toEqual({ live: LIVE, workbook: workbookRows(1), evaluation: EVALUATION });

		// A week after A ended: the dry run lists exactly A's three kinds, with the dates.
		const plan = await planRetention(h.db, {
			organisationId: org,
			now: at('2027-02-03T12:00:00Z')
		});
		expect(cohortItems(plan)).toEqual([
			{
				cohort: 'Group A',
				kind: 'live',
				count: LIVE,
				dueAt: '2027-07-27T21:00:00.000Z',
				deleteOn: '2027-07-27T21:00:00.000Z',
				heldBy: null
			},
			{
				cohort: 'Group A',
				kind: 'workbook',
				count: workbookRows(3),
				dueAt: '2028-01-27T21:00:00.000Z',
				deleteOn: '2028-01-27T21:00:00.000Z',
				heldBy: null
			},
			{
				cohort: 'Group A',
				kind: 'evaluation',
				count: EVALUATION,
				dueAt: '2029-01-27T21:00:00.000Z',
				deleteOn: '2029-01-27T21:00:00.000Z',
				heldBy: null
			}
		]);
		expect(plan.running.map((r) => r.name).sort()).toEqual(['Group B', 'Group C']);
		expect(plan.items.find((i) => i.kind === 'workbook')?.people).toBe(3);

		// The day before A's live data is due no cohort data is deleted; the enrolment emails of
		// the ended cohorts (January) go with the outbox period, the running cohort's stay.
		const dayBefore = await runRetention(h.db, cfg, {
			organisationId: org,
			now: at('2027-07-27T03:00:00Z')
		});
		expect(dayBefore.deleted.filter((d) => d.cohortId)).toEqual([]);
		expect(dayBefore.deleted.find((d) => d.kind === 'outbox')?.count).toBeGreaterThan(0);
		expect(
			await h.db.select().from(emailOutbox).where(eq(emailOutbox.cohortId, w.b.id))
		).not.toHaveLength(0);
		expect(
			await h.db.select().from(emailOutbox).where(eq(emailOutbox.cohortId, w.a.id))
		).toHaveLength(0);

		// The daily run after the date: A's live data goes, C's (ended in March) and B's stay.
		const july = await runRetention(h.db, cfg, {
			organisationId: org,
			now: at('2027-07-28T03:00:00Z')
		});
		expect(july.deleted.filter((d) => d.cohortId)).toEqual([
			{ kind: 'live', cohortId: w.a.id, count: LIVE }
		]);
		expect(july.notices).toBe(0);
		expect(await counts(h.db, w.a.id)).toEqual({
			live: 0,
			workbook: workbookRows(3),
			evaluation: EVALUATION
		});
		expect(await counts(h.db, w.c.id)).toEqual(before.c);
		expect(await counts(h.db, w.b.id)).toEqual(before.b);
		const liveAudit = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'retention-delete'), eq(auditEvents.cohortId, w.a.id)));
		expect(liveAudit).toMatchObject([
			{ actorId: null, actorRole: 'system', subjectId: null, target: `live:${LIVE}`, reason: null }
		]);
		expect(liveAudit[0].at.toISOString()).toBe('2027-07-28T03:00:00.000Z');
		// A session whose live data was removed still opens: the room, the console's view and the
		// record read an empty session without errors.
		const locals = {
			user: { id: w.lead.id, name: 'Lead', email: w.lead.email, locale: 'en', timeZone: 'UTC' },
			roles: { admin: false, facilitator: true, participant: false, peerTrainer: false },
			locale: 'en'
		} as unknown as App.Locals;
		const access = await liveAccess(h.db, locals, w.s1A.id);
		const subject = liveSubject(access, 'en');
		await expect(
			liveView(h.db, { ...subject, enrolmentId: null, facilitator: true })
		).resolves.toBeTruthy();
		expect(await sessionRecord(h.db, subject)).toEqual([]);
		await expect(ownWords(h.db, subject, access)).resolves.toBeDefined();

		// C ended two months after A, so its live data goes two months later, on its own date.
		const sept = await runRetention(h.db, cfg, {
			organisationId: org,
			now: at('2027-09-25T03:00:00Z')
		});
		expect(sept.deleted.filter((d) => d.cohortId)).toEqual([
			{ kind: 'live', cohortId: w.c.id, count: LIVE }
		]);
		const afterC = { ...before.c, live: 0 };
		expect(await counts(h.db, w.b.id)).toEqual(before.b);

		// Two weeks before A's workbooks are due, not yet; from then, each writer is told once.
		expect(
			(await runRetention(h.db, cfg, { organisationId: org, now: at('2028-01-13T03:00:00Z') }))
				.notices
		).toBe(0);
		const told = await runRetention(h.db, cfg, {
			organisationId: org,
			now: at('2028-01-14T03:00:00Z')
		});
		expect(told.notices).toBe(3);
		expect(told.deleted.filter((d) => d.cohortId)).toEqual([]);
		const notices = await noticesIn(h.db, [w.a.id, w.b.id, w.c.id]);
		expect(notices.map((n) => [n.toAddress, n.locale]).sort()).toEqual(
			[
				[w.ana.email, 'en'],
				[w.olena.email, 'uk'],
				[w.petr.email, 'cs']
			].sort()
		);
		const byLocale = Object.fromEntries(notices.map((n) => [n.locale, n]));
		expect(byLocale.en.subject).toBe(
			'Your workbook from Group A will be deleted after January 28, 2028'
		);
		expect(byLocale.cs.subject).toBe(
			'Váš pracovní sešit ze skupiny Group A bude po 28. ledna 2028 smazán'
		);
		expect(byLocale.uk.subject).toContain('буде видалено після 28 січня 2028');
		for (const n of notices) {
			expect(n.textBody).toContain(`${cfg.origin}/profile`);
			expect(n.textBody).not.toContain('my own words');
		}
		expect(byLocale.en.textBody).toContain('"Download my data"');
		// Later runs tell nobody again: one claim per person and cohort.
		expect(
			(await runRetention(h.db, cfg, { organisationId: org, now: at('2028-01-15T03:00:00Z') }))
				.notices
		).toBe(0);
		const claims = await h.db
			.select()
			.from(notifications)
			.where(like(notifications.key, `retention-workbook:${w.a.id}:%`));
		expect(claims.map((c) => c.userId).sort()).toEqual([w.ana.id, w.petr.id, w.olena.id].sort());

		// The plan now waits for the notices: 14 days after them, not the period's end.
		const held = await planRetention(h.db, {
			organisationId: org,
			now: at('2028-01-20T12:00:00Z')
		});
		expect(cohortItems(held).find((i) => i.kind === 'workbook')).toMatchObject({
			dueAt: '2028-01-27T21:00:00.000Z',
			deleteOn: '2028-01-28T03:00:00.000Z',
			heldBy: 'notice'
		});
		expect(
			(
				await runRetention(h.db, cfg, { organisationId: org, now: at('2028-01-27T22:00:00Z') })
			).deleted.filter((d) => d.cohortId)
		).toEqual([]);
		const jan = await runRetention(h.db, cfg, {
			organisationId: org,
			now: at('2028-01-28T03:00:00Z')
		});
		expect(jan.deleted.filter((d) => d.cohortId)).toEqual([
			{ kind: 'workbook', cohortId: w.a.id, count: workbookRows(3) }
		]);
		expect(await counts(h.db, w.a.id)).toMatchObject({ workbook: 0, evaluation: EVALUATION });
		// C's workbook is due in March: its writer is told then, not now; B is running: never.
		expect(await counts(h.db, w.c.id)).toEqual(afterC);
		expect(await counts(h.db, w.b.id)).toEqual(before.b);
		expect(await noticesIn(h.db, [w.b.id, w.c.id])).toHaveLength(0);

		const kept = await loadReport(h.db, { organisationId: org, cohortId: w.a.id });
		expect(kept.report.evaluation).toMatchObject({ preCount: 1, postCount: 1 });

		// Two years after A: its evaluation answers go, and its report still loads, with nothing.
		const ev = await runRetention(h.db, cfg, {
			organisationId: org,
			now: at('2029-01-28T03:00:00Z')
		});
		expect(ev.deleted.filter((d) => d.cohortId === w.a.id)).toEqual([
			{ kind: 'evaluation', cohortId: w.a.id, count: EVALUATION }
		]);
		const report = await loadReport(h.db, { organisationId: org, cohortId: w.a.id });
		expect(report.report.cohortCount).toBe(1);
		expect(report.report.evaluation).toMatchObject({ preCount: 0, postCount: 0 });
		expect(report.report.pulse.every((p) => !p.summary.shown)).toBe(true);
		// B ended on 10 January 2029: still within every period, untouched.
		expect(await counts(h.db, w.b.id)).toEqual(before.b);

		const audit = await h.db
			.select({ target: auditEvents.target, cohortId: auditEvents.cohortId })
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'retention-delete'), eq(auditEvents.cohortId, w.a.id)));
		expect(audit.map((e) => e.target).sort()).toEqual(
			[`evaluation:${EVALUATION}`, `live:${LIVE}`, `workbook:${workbookRows(3)}`].sort()
		);
	}, 120_000);

	it('changing the periods changes the plan, holds deletions 14 days, and is recorded; bad periods change nothing', async () => {
		const w = await world(h.db);
		const org = w.org.id;
		const now = at('2027-02-03T12:00:00Z');
		const first = cohortItems(await planRetention(h.db, { organisationId: org, now }));
		expect(first.map((i) => i.dueAt)).toEqual([
			'2027-07-27T21:00:00.000Z',
			'2028-01-27T21:00:00.000Z',
			'2029-01-27T21:00:00.000Z'
		]);

		const bad = await setRetentionSettings(h.db, {
			organisationId: org,
			by: w.admin.id,
			periods: { ...DEFAULT_PERIODS, evaluation: 2, audit: 0.5 },
			now
		});
		expect(bad).toEqual({ ok: false, invalid: ['evaluation', 'audit'] });
		expect(await findRetentionSettings(h.db, org)).toEqual({ ...DEFAULT_PERIODS, updatedAt: null });

		const changed = at('2027-02-03T13:00:00Z');
		expect(
			await setRetentionSettings(h.db, {
				organisationId: org,
				by: w.admin.id,
				periods: { ...DEFAULT_PERIODS, live: 1, evaluation: 4 },
				now: changed
			})
		).toEqual({ ok: true, changed: true });
		const second = cohortItems(await planRetention(h.db, { organisationId: org, now }));
		expect(second.map((i) => [i.kind, i.dueAt, i.deleteOn, i.heldBy])).toEqual([
			// One month after the end would be 27 February, but a change holds everything 14 days.
			['live', '2027-02-27T21:00:00.000Z', '2027-02-27T21:00:00.000Z', null],
			['evaluation', '2027-05-27T21:00:00.000Z', '2027-05-27T21:00:00.000Z', null],
			['workbook', '2028-01-27T21:00:00.000Z', '2028-01-27T21:00:00.000Z', null]
		]);
		const justAfter = cohortItems(
			await planRetention(h.db, { organisationId: org, now: at('2027-03-01T00:00:00Z') })
		);
		expect(justAfter[0]).toMatchObject({ kind: 'live', deleteOn: '2027-02-27T21:00:00.000Z' });

		const recorded = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'change-retention'), eq(auditEvents.actorId, w.admin.id)));
		expect(recorded).toMatchObject([
			{
				actorRole: 'admin',
				subjectId: null,
				target: 'live=1,workbook=12,evaluation=4,outbox=3,audit=24'
			}
		]);
		// Saving the same periods again is no change and no record.
		expect(
			await setRetentionSettings(h.db, {
				organisationId: org,
				by: w.admin.id,
				periods: { ...DEFAULT_PERIODS, live: 1, evaluation: 4 },
				now: changed
			})
		).toEqual({ ok: true, changed: false });

		// A change made close to a due date holds it for 14 days, so the new plan can be read.
		const late = at('2027-02-25T09:00:00Z');
		await setRetentionSettings(h.db, {
			organisationId: org,
			by: w.admin.id,
			periods: { ...DEFAULT_PERIODS, live: 1, evaluation: 5 },
			now: late
		});
		const heldPlan = cohortItems(await planRetention(h.db, { organisationId: org, now: late }));
		expect(heldPlan.find((i) => i.kind === 'live')).toMatchObject({
			dueAt: '2027-02-27T21:00:00.000Z',
			deleteOn: '2027-03-11T09:00:00.000Z',
			heldBy: 'change'
		});
	}, 60_000);

	it('sends the notice through SMTP to the person, in their language, with the way to their data', async () => {
		const smtpCfg = testConfig({ SMTP_URL: smtp.url });
		const w = await world(h.db);
		const r = await runRetention(h.db, smtpCfg, {
			organisationId: w.org.id,
			now: at('2028-01-14T03:00:00Z')
		});
		expect(r.notices).toBe(3);
		// Delivery runs on the real clock: the email was queued at the database's time.
		await deliverDueEmails(h.db, smtpCfg);
		const mail = await smtp.waitFor(w.petr.email);
		expect(mail.subject).toBe(
			'Váš pracovní sešit ze skupiny Group A bude po 28. ledna 2028 smazán'
		);
		expect(mail.text).toContain('„Stáhnout moje data“');
		expect(mail.text).toContain(`${smtpCfg.origin}/profile`);
		expect(mail.html).toContain('lang="cs"');
		const sent = await h.db
			.select()
			.from(emailOutbox)
			.where(and(eq(emailOutbox.toAddress, w.petr.email), like(emailOutbox.kind, 'retention-%')));
		expect(sent).toMatchObject([{ status: 'sent' }]);
	}, 60_000);

	it("the daily job runs the plan through pg-boss for the deployment's organisation", async () => {
		const org = await currentOrganisation(h.db);
		const lead = await makePerson(h.db, auth, { organisationId: org.id, roles: ['facilitator'] });
		const ana = await makePerson(h.db, auth, { organisationId: org.id, name: 'Ana' });
		const d = await cohortWith(h.db, org, lead, 'Group D', [
			'2030-01-02T18:00:00Z',
			'2030-01-09T18:00:00Z',
			'2030-01-16T18:00:00Z',
			'2030-01-23T18:00:00Z'
		]);
		await joinCohort(h.db, cfg, { cohortId: d.id, userId: ana.id, via: 'invitation' });
		await fill(h.db, d.id, [ana], lead);
		const runs: Awaited<ReturnType<typeof runRetention>>[] = [];
		const jobs = await startBackgroundJobs(
			h,
			{ db: h.db, cfg },
			{
				now: () => at('2030-07-24T03:00:00Z'),
				schedule: false,
				pollingIntervalSeconds: 0.5,
				onRetention: (r) => runs.push(r)
			}
		);
		try {
			await jobs.send('retention-daily', {});
			for (let i = 0; i < 100 && runs.length === 0; i++) {
				await new Promise((r) => setTimeout(r, 100));
			}
		} finally {
			await jobs.stop();
		}
		expect(runs[0]?.deleted.filter((x) => x.cohortId === d.id)).toEqual([
			{ kind: 'live', cohortId: d.id, count: LIVE }
		]);
		expect(await counts(h.db, d.id)).toEqual({
			live: 0,
			workbook: workbookRows(1),
			evaluation: EVALUATION
		});
	}, 60_000);
});
