import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAuth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import type { Config } from '../config.ts';
import {
	attendance,
	cohortFacilitators,
	cohortSessions,
	cohorts,
	enrolments,
	liveAnswers,
	liveEvents,
	liveState,
	users
} from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { joinWindow } from '../video/join-session.ts';
import { liveView } from '../live/live-view.ts';
import { sessionRecord } from '../live/session-record.ts';
import { wallClock } from '#lib/time/zoned.ts';
import { bootstrap } from './bootstrap.ts';

/*
 * The demo shows the course running: on an empty database it seeds a group whose Day 1 was
 * held a week ago, whose Day 2 is open now, and whose Days 3 and 4 are ahead. A restart keeps
 * it exactly as it is; production seeds none of it.
 */

const MIN = 60_000;
const DAY = 86_400_000;
// A Tuesday afternoon in Amsterdam, a few minutes past a round five minutes; clocks go
// forward before Day 3, which still starts at the same time on the group's clock.
const SEEDED_AT = new Date('2027-03-23T13:37:20Z');

let h: DbHandle;
let prod: DbHandle;
beforeAll(async () => {
	[h, prod] = await Promise.all([createTestDb(), createTestDb()]);
});
afterAll(async () => {
	await Promise.all([h?.close(), prod?.close()]);
});

const context = (x: DbHandle, cfg: Config) => ({
	db: x.db,
	kind: x.kind,
	cfg,
	auth: createAuth(x.db, cfg)
});

/** Everything the demo group consists of, in a stable order. */
async function snapshot(x: DbHandle) {
	const db = x.db;
	return {
		cohorts: await db.select().from(cohorts).orderBy(asc(cohorts.id)),
		sessions: await db.select().from(cohortSessions).orderBy(asc(cohortSessions.id)),
		facilitators: await db
			.select()
			.from(cohortFacilitators)
			.orderBy(asc(cohortFacilitators.userId)),
		enrolments: await db.select().from(enrolments).orderBy(asc(enrolments.seq)),
		attendance: await db.select().from(attendance).orderBy(asc(attendance.enrolmentId)),
		events: await db.select().from(liveEvents).orderBy(asc(liveEvents.id)),
		answers: await db.select().from(liveAnswers).orderBy(asc(liveAnswers.id)),
		state: await db.select().from(liveState).orderBy(asc(liveState.cohortSessionId))
	};
}

describe('the demo group in progress', () => {
	it('is seeded with Day 1 held, Day 2 open now and Days 3 and 4 ahead; a restart keeps it', async () => {
		const cfg = testConfig({ NODE_ENV: 'development' });
		const first = await bootstrap(context(h, cfg), { now: SEEDED_AT });
		expect(first.seeded).toBe(true);

		const [cohort] = await h.db.select().from(cohorts);
		expect(cohort).toBeDefined();
		expect(cohort.cancelledAt).toBeNull();
		const ctx = (await loadCohortContext(h.db, cohort.id))!;
		const sessions = ctx.sessions;
		expect(sessions.map((s) => s.number)).toEqual([1, 2, 3, 4]);
		const [d1, d2, d3, d4] = sessions;

		// Day 2 starts on a round five minutes, 5 to 10 minutes after seeding: its join window
		// is open at once, and stays open until its three hours are over.
		expect(d2.startsAt.getTime() % (5 * MIN)).toBe(0);
		expect(d2.startsAt.getTime() - SEEDED_AT.getTime()).toBeGreaterThan(5 * MIN - 1);
		expect(d2.startsAt.getTime() - SEEDED_AT.getTime()).toBeLessThanOrEqual(10 * MIN);
		expect(d2.endsAt.getTime() - d2.startsAt.getTime()).toBe(180 * MIN);
		expect(joinWindow(d2, SEEDED_AT)).toBe('open');
		expect(joinWindow(d2, new Date(d2.endsAt.getTime() - MIN))).toBe('open');
		// A weekly rhythm at the same time on the group's clock: Day 1 a week ago, 3 and 4 ahead.
		const clock = (d: Date) => wallClock(d.getTime(), cohort.timeZone).time;
		for (const [s, weeks] of [
			[d1, -1],
			[d3, 1],
			[d4, 2]
		] as const) {
			expect(clock(s.startsAt)).toBe(clock(d2.startsAt));
			expect(
				Math.abs(s.startsAt.getTime() - d2.startsAt.getTime() - weeks * 7 * DAY)
			).toBeLessThanOrEqual(3_600_000);
			expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(180 * MIN);
		}
		expect(joinWindow(d1, SEEDED_AT)).toBe('over');
		expect(joinWindow(d3, SEEDED_AT)).toBe('early');
		// What the README promises a week later: Day 2 is over and Day 3 is the one to join.
		const weekLater = new Date(SEEDED_AT.getTime() + 7 * DAY);
		expect(joinWindow(d2, weekLater)).toBe('over');
		expect(joinWindow(d3, new Date(d3.startsAt.getTime() - 10 * MIN))).toBe('open');
		// Dates set at seeding: no "in one hour" reminder for a Day 2 people never waited for.
		for (const s of sessions) expect(s.scheduledAt.getTime()).toBe(SEEDED_AT.getTime());

		// Two facilitators, one of them a peer trainer; six participants with a place.
		const facilitators = await h.db
			.select({ email: users.email, peerTrainer: cohortFacilitators.peerTrainer })
			.from(cohortFacilitators)
			.innerJoin(users, eq(users.id, cohortFacilitators.userId));
		expect(facilitators.map((f) => f.email).sort()).toEqual([
			'dana@example.org',
			'sam@example.org'
		]);
		expect(facilitators.find((f) => f.email === 'sam@example.org')?.peerTrainer).toBe(true);
		const people = await h.db
			.select({ id: enrolments.id, email: users.email, status: enrolments.status })
			.from(enrolments)
			.innerJoin(users, eq(users.id, enrolments.userId))
			.orderBy(asc(enrolments.seq));
		expect(people.every((p) => p.status === 'enrolled')).toBe(true);
		expect(people.map((p) => p.email).sort()).toEqual(
			['jana', 'mira', 'olena', 'petr', 'robin', 'taras'].map((n) => `${n}@example.org`)
		);
		const who = new Map(people.map((p) => [p.id, p.email.split('@')[0]]));

		// Day 1's attendance as the room and a facilitator recorded it; none yet for Day 2.
		const rows = await h.db.select().from(attendance);
		expect(rows.every((r) => r.cohortSessionId === d1.id)).toBe(true);
		const status = Object.fromEntries(rows.map((r) => [who.get(r.enrolmentId), r.status]));
		expect(status).toEqual({
			jana: 'present',
			mira: 'present',
			olena: 'present',
			robin: 'present',
			petr: 'late',
			taras: 'excused'
		});
		for (const r of rows.filter((x) => x.source === 'room')) {
			expect(r.firstJoinedAt!.getTime()).toBeGreaterThan(d1.startsAt.getTime() - 15 * MIN);
			expect(r.firstJoinedAt!.getTime()).toBeLessThan(d1.endsAt.getTime());
		}
		expect(rows.find((r) => who.get(r.enrolmentId) === 'taras')?.source).toBe('facilitator');

		// Day 1 ran to its last part; what the group shared is its record, and it names nobody.
		const s1 = ctx.pkg.sessions.find((s) => s.structure.number === 1)!.structure;
		const [state1] = await h.db
			.select()
			.from(liveState)
			.where(eq(liveState.cohortSessionId, d1.id));
		expect(state1.blockIndex).toBe(s1.blocks.length - 1);
		for (const t of [state1.startedAt, state1.blockStartedAt]) {
			expect(t.getTime()).toBeGreaterThanOrEqual(d1.startsAt.getTime());
			expect(t.getTime()).toBeLessThanOrEqual(d1.endsAt.getTime());
		}
		const subject = (session: typeof d1, structure: typeof s1) => ({
			sessionId: session.id,
			pkg: ctx.pkg,
			number: session.number,
			structure,
			cohortId: cohort.id,
			locale: 'en'
		});
		const record = await sessionRecord(h.db, subject(d1, s1));
		expect(record.map((r) => r.blockId)).toEqual([
			'welcome',
			'what-is-recovery',
			'recovery-and-wellbeing',
			'closing-round'
		]);
		// Passing is as ordinary as answering; Petr came after the check-in.
		expect(record.map((r) => [r.results.answered, r.results.passed])).toEqual([
			[3, 1],
			[5, 0],
			[4, 1],
			[4, 1]
		]);
		const recordText = JSON.stringify(record);
		expect(recordText).toContain('curious');
		for (const p of people) {
			expect(recordText).not.toContain(p.id);
			expect(recordText).not.toContain(p.email);
		}
		// The answers came through the live room's own rules: the poll is anonymous, a private
		// reflection is kept for its writer only, and events were written for every step.
		const answers = await h.db.select().from(liveAnswers);
		expect(answers.every((a) => a.cohortSessionId === d1.id)).toBe(true);
		expect(
			answers.filter((a) => a.blockId === 'what-is-recovery').every((a) => !a.enrolmentId)
		).toBe(true);
		const kept = answers.filter((a) => !a.shared);
		expect(kept.length).toBeGreaterThanOrEqual(1);
		for (const a of kept) expect(recordText).not.toContain((a.payload as { text: string }).text);
		const kinds = (await h.db.select().from(liveEvents)).map((e) => e.kind);
		expect(kinds).toContain('state');
		expect(kinds).toContain('answered');
		expect(kinds.filter((k) => k === 'results')).toHaveLength(4);

		// Day 2 has not begun: the facilitators begin it in the console.
		const s2 = ctx.pkg.sessions.find((s) => s.structure.number === 2)!.structure;
		const day2 = await liveView(h.db, { ...subject(d2, s2), enrolmentId: null, facilitator: true });
		expect(day2.started).toBe(false);

		// A restart, even a week later, changes nothing: no second group, nothing moved.
		const before = await snapshot(h);
		const again = await bootstrap(context(h, cfg), {
			now: new Date(SEEDED_AT.getTime() + 8 * DAY)
		});
		expect(again.seeded).toBe(false);
		expect(await snapshot(h)).toEqual(before);
	});

	it('is not seeded in production', async () => {
		const cfg = testConfig({
			NODE_ENV: 'production',
			AUTH_SECRET: 'a-production-secret-of-thirty-two-characters'
		});
		const r = await bootstrap(context(prod, cfg), { now: SEEDED_AT });
		expect(r.seeded).toBe(false);
		const s = await snapshot(prod);
		expect(s.cohorts).toEqual([]);
		expect(s.sessions).toEqual([]);
		expect(s.events).toEqual([]);
		expect(s.answers).toEqual([]);
		expect(await prod.db.select().from(users)).toEqual([]);
	});
});
