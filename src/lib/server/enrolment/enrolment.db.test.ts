import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { emailOutbox, enrolments } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from './join-cohort.ts';
import { leaveCohort } from './leave-cohort.ts';
import { decideRequest } from './decide-request.ts';
import { cancelCohort } from '../cohorts/cancel-cohort.ts';
import { inviteToCohort } from './invite-to-cohort.ts';
import { moveSession } from '../schedule/move-session.ts';
import { recordRoomJoin, correctAttendance } from '../attendance/record-attendance.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { listAttendance } from '../attendance/attendance.queries.ts';
import {
	calendarFeedFor,
	renewCalendarFeed,
	revokeCalendarFeed
} from '../calendar/calendar-feed.ts';

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

const mailsTo = (to: string) =>
	h.db
		.select()
		.from(emailOutbox)
		.where(eq(emailOutbox.toAddress, to))
		.orderBy(asc(emailOutbox.createdAt));

async function people(orgId: string, n: number, prefix: string) {
	const out = [];
	for (let i = 0; i < n; i++) {
		out.push(
			await makePerson(h.db, auth, {
				organisationId: orgId,
				email: `${prefix}-${i}-${Math.random().toString(36).slice(2, 8)}@example.org`
			})
		);
	}
	return out;
}

describe('enrolment', () => {
	it('20 simultaneous joins for 1 free place: exactly 1 enrolled, 19 waitlisted in order', async () => {
		const { org, cohort } = await makeCohort(h.db, { cfg, capacity: 2, auth });
		const [first] = await people(org.id, 1, 'first');
		expect(
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: first.id, via: 'invitation' })
		).toEqual({
			ok: true,
			status: 'enrolled',
			changed: true
		});
		const racers = await people(org.id, 20, 'racer');
		const results = await Promise.all(
			racers.map((p) => joinCohort(h.db, cfg, { cohortId: cohort.id, userId: p.id, via: 'link' }))
		);
		const statuses = results.map((r) => (r.ok ? r.status : r.reason));
		expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(1);
		expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(19);
		// The waiting list is ordered by arrival, and each person was told their own number.
		const waiting = await h.db
			.select()
			.from(enrolments)
			.where(and(eq(enrolments.cohortId, cohort.id), eq(enrolments.status, 'waitlisted')))
			.orderBy(asc(enrolments.seq));
		expect(waiting).toHaveLength(19);
		const told: number[] = [];
		for (const [i, e] of waiting.entries()) {
			const p = racers.find((r) => r.id === e.userId)!;
			const [mail] = await mailsTo(p.email);
			expect(mail.kind).toBe('waitlisted');
			expect(mail.textBody).toContain(`number ${i + 1} on the waiting list`);
			told.push(i + 1);
		}
		expect(told).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));

		// Joining again changes nothing; leaving frees the place for the first in line.
		const again = await joinCohort(h.db, cfg, {
			cohortId: cohort.id,
			userId: first.id,
			via: 'link'
		});
		expect(again).toMatchObject({ ok: true, status: 'enrolled', changed: false });
		expect(await leaveCohort(h.db, cfg, { cohortId: cohort.id, userId: first.id })).toEqual({
			ok: true,
			promoted: 1
		});
		const head = racers.find((r) => r.id === waiting[0].userId)!;
		const [, promoted] = await mailsTo(head.email);
		expect(promoted.kind).toBe('promoted');
		expect(promoted.attachments?.[0].filename).toBe('promoted.ics');
		const [row] = await h.db.select().from(enrolments).where(eq(enrolments.id, waiting[0].id));
		expect(row.status).toBe('enrolled');
		// A waiting person leaving promotes nobody.
		const last = waiting[18];
		expect(await leaveCohort(h.db, cfg, { cohortId: cohort.id, userId: last.userId })).toEqual({
			ok: true,
			promoted: 0
		});
	});

	it('a join link with approval makes a request a facilitator decides', async () => {
		const { org, cohort } = await makeCohort(h.db, { cfg, capacity: 1, approval: true, auth });
		const [a, b] = await people(org.id, 2, 'asker');
		expect(
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: a.id, via: 'link' })
		).toMatchObject({
			status: 'pending'
		});
		expect(
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: b.id, via: 'link' })
		).toMatchObject({
			status: 'pending'
		});
		const rows = await h.db
			.select()
			.from(enrolments)
			.where(eq(enrolments.cohortId, cohort.id))
			.orderBy(asc(enrolments.seq));
		expect(
			await decideRequest(h.db, cfg, {
				cohortId: cohort.id,
				enrolmentId: rows[0].id,
				approve: true
			})
		).toEqual({
			ok: true,
			status: 'enrolled'
		});
		expect(
			await decideRequest(h.db, cfg, {
				cohortId: cohort.id,
				enrolmentId: rows[1].id,
				approve: true
			})
		).toEqual({
			ok: true,
			status: 'waitlisted'
		});
		// Deciding twice, or a request from another cohort, is refused.
		expect(
			await decideRequest(h.db, cfg, {
				cohortId: cohort.id,
				enrolmentId: rows[1].id,
				approve: false
			})
		).toEqual({
			ok: false
		});
		// An invitation skips approval.
		const [c] = await people(org.id, 1, 'invited');
		expect(
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: c.id, via: 'invitation' })
		).toMatchObject({
			status: 'waitlisted'
		});
	});

	it('a cancelled cohort takes nobody and tells everyone with a cancelling calendar file', async () => {
		const { org, cohort, lead } = await makeCohort(h.db, { cfg, auth });
		const [a, b] = await people(org.id, 2, 'cancel');
		await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: a.id, via: 'invitation' });
		expect((await cancelCohort(h.db, cfg, cohort.id)).ok).toBe(true);
		expect((await cancelCohort(h.db, cfg, cohort.id)).ok).toBe(false);
		expect(await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: b.id, via: 'link' })).toEqual(
			{
				ok: false,
				reason: 'closed'
			}
		);
		expect(
			await inviteToCohort(h.db, cfg, {
				cohortId: cohort.id,
				email: b.email,
				locale: 'en',
				invitedBy: lead.id
			})
		).toEqual({ ok: false, reason: 'closed' });
		const mail = (await mailsTo(a.email)).at(-1)!;
		expect(mail.kind).toBe('cohort-cancelled');
		const cal = new ICAL.Component(ICAL.parse(mail.attachments![0].content));
		const events = cal.getAllSubcomponents('vevent');
		expect(events).toHaveLength(4);
		expect(events.every((e) => e.getFirstPropertyValue('status') === 'CANCELLED')).toBe(true);
	});

	it('emails are in the recipient language and time zone, with an .ics showing the right instant', async () => {
		const { org, cohort } = await makeCohort(h.db, { cfg, auth });
		const olena = await makePerson(h.db, auth, { organisationId: org.id, locale: 'uk' });
		await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: olena.id, via: 'invitation' });
		const [mail] = await mailsTo(olena.email);
		expect(mail.kind).toBe('enrolled');
		expect(mail.locale).toBe('uk');
		expect(mail.subject).not.toMatch(/You have a place/);
		const sessions = await listSessions(h.db, cohort.id);
		// The person's zone is Europe/Prague (factory): 18:00 UTC is 19:00 or 20:00 there.
		const local = new Intl.DateTimeFormat('uk', {
			hour: '2-digit',
			minute: '2-digit',
			timeZone: 'Europe/Prague'
		}).format(sessions[0].startsAt);
		expect(mail.textBody).toContain(local);
		const cal = new ICAL.Component(ICAL.parse(mail.attachments![0].content));
		const ev = new ICAL.Event(cal.getAllSubcomponents('vevent')[0]);
		expect(ev.startDate.toJSDate().toISOString()).toBe(sessions[0].startsAt.toISOString());
		const tokyo = new Intl.DateTimeFormat('en-GB', {
			hour: '2-digit',
			minute: '2-digit',
			timeZone: 'Asia/Tokyo',
			hourCycle: 'h23'
		}).format(ev.startDate.toJSDate());
		expect(tokyo).toBe('03:00'); // 18:00 UTC = 03:00 next day in Tokyo
	});

	it('moving a session keeps order, bumps the calendar sequence and notifies everyone', async () => {
		const { org, cohort, lead } = await makeCohort(h.db, { cfg, auth });
		const [a] = await people(org.id, 1, 'mover');
		await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: a.id, via: 'invitation' });
		const before = await listSessions(h.db, cohort.id);
		const overlap = new Date(before[2].startsAt.getTime() - 3_600_000);
		expect(
			await moveSession(h.db, cfg, { cohortId: cohort.id, number: 2, startsAt: overlap })
		).toEqual({
			ok: false,
			reason: 'order'
		});
		expect(
			await moveSession(h.db, cfg, {
				cohortId: cohort.id,
				number: 2,
				startsAt: new Date(Date.now() - 1000)
			})
		).toEqual({ ok: false, reason: 'past' });
		const later = new Date(before[1].startsAt.getTime() + 86_400_000);
		expect(
			await moveSession(h.db, cfg, { cohortId: cohort.id, number: 2, startsAt: later })
		).toEqual({ ok: true });
		const after = await listSessions(h.db, cohort.id);
		expect(after[1].sequence).toBe(1);
		expect(after[1].endsAt.getTime() - after[1].startsAt.getTime()).toBe(3 * 3_600_000);
		for (const who of [a.email, lead.email]) {
			const mail = (await mailsTo(who)).at(-1)!;
			expect(mail.kind).toBe('session-moved');
			const ev = new ICAL.Event(
				new ICAL.Component(ICAL.parse(mail.attachments![0].content)).getFirstSubcomponent('vevent')!
			);
			expect(ev.sequence).toBe(1);
			expect(ev.startDate.toJSDate().toISOString()).toBe(later.toISOString());
		}
	});

	it('joining the room records attendance once; a facilitator correction wins', async () => {
		const { org, cohort, lead } = await makeCohort(h.db, { cfg, auth });
		const [a, outsider] = await people(org.id, 2, 'att');
		await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: a.id, via: 'invitation' });
		const [s1] = await listSessions(h.db, cohort.id);
		expect(await recordRoomJoin(h.db, { cohortSessionId: s1.id, userId: outsider.id })).toBeNull();
		const late = new Date(s1.startsAt.getTime() + 20 * 60_000);
		expect(await recordRoomJoin(h.db, { cohortSessionId: s1.id, userId: a.id, now: late })).toBe(
			'late'
		);
		const [e] = await h.db.select().from(enrolments).where(eq(enrolments.userId, a.id));
		expect(
			await correctAttendance(h.db, {
				cohortId: cohort.id,
				cohortSessionId: s1.id,
				enrolmentId: e.id,
				status: 'present',
				by: lead.id
			})
		).toBe(true);
		await recordRoomJoin(h.db, { cohortSessionId: s1.id, userId: a.id, now: late });
		const marks = await listAttendance(h.db, cohort.id);
		expect(marks).toEqual([
			{ cohortSessionId: s1.id, enrolmentId: e.id, status: 'present', source: 'facilitator' }
		]);
	});

	it('a private calendar feed lists the sessions, parses, and can be revoked', async () => {
		const { org, cohort, lead } = await makeCohort(h.db, { cfg, auth });
		const [a] = await people(org.id, 1, 'feed');
		await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: a.id, via: 'invitation' });
		const url = await renewCalendarFeed(h.db, cfg, a.id);
		const token = url.split('/calendar/')[1].replace('.ics', '');
		const ics = (await calendarFeedFor(h.db, cfg, token))!;
		const cal = new ICAL.Component(ICAL.parse(ics));
		const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		const sessions = await listSessions(h.db, cohort.id);
		expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
			sessions.map((s) => s.startsAt.toISOString())
		);
		expect(ics).not.toContain(lead.email);
		// A new link replaces the old one; revoking ends it.
		const url2 = await renewCalendarFeed(h.db, cfg, a.id);
		expect(await calendarFeedFor(h.db, cfg, token)).toBeUndefined();
		await revokeCalendarFeed(h.db, a.id);
		expect(
			await calendarFeedFor(h.db, cfg, url2.split('/calendar/')[1].replace('.ics', ''))
		).toBeUndefined();
	});

	it('a finished cohort takes nobody', async () => {
		const { org, cohort } = await makeCohort(h.db, { cfg, auth });
		const [a] = await people(org.id, 1, 'late');
		const sessions = await listSessions(h.db, cohort.id);
		const afterEnd = new Date(sessions[3].endsAt.getTime() + 1000);
		expect(
			await joinCohort(h.db, cfg, { cohortId: cohort.id, userId: a.id, via: 'link', now: afterEnd })
		).toEqual({ ok: false, reason: 'closed' });
	});
});
