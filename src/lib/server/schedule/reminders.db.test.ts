import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { openDb, type DbHandle } from '../db/client.ts';
import { emailOutbox, notifications } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { startBackgroundJobs } from '../jobs/background-jobs.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { moveSession } from './move-session.ts';
import { listSessions } from './schedule.queries.ts';
import { sendDueReminders } from './send-reminders.ts';

const HOUR = 3_600_000;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

async function reminders(h: DbHandle, cohortId: string, kind: string) {
	return h.db
		.select({ to: emailOutbox.toAddress, subject: emailOutbox.subject })
		.from(emailOutbox)
		.where(and(eq(emailOutbox.cohortId, cohortId), eq(emailOutbox.kind, kind)));
}

/** A cohort with three participants; five people (with the two facilitators) get each reminder. */
async function cohortWithPeople(h: DbHandle, cfg: ReturnType<typeof testConfig>, now: Date) {
	const c = await makeCohort(h.db, { cfg, now, firstInDays: 3 });
	for (let i = 0; i < 3; i++) {
		const p = await makePerson(h.db, c.auth, { organisationId: c.org.id });
		await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation', now });
	}
	return { ...c, sessions: await listSessions(h.db, c.cohort.id) };
}

async function until(check: () => boolean, ms = 15_000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('reminders', () => {
	it('fire inside their window, once each, also when two sweeps race; a moved session is reminded again', async () => {
		const h = await createTestDb();
		cleanups.push(() => h.close());
		const cfg = testConfig();
		const start = new Date();
		const { cohort, sessions } = await cohortWithPeople(h, cfg, start);
		const t = sessions[0].startsAt.getTime();
		expect(await sendDueReminders(h.db, cfg, new Date(t - 25 * HOUR))).toBe(0);
		const racing = await Promise.all([
			sendDueReminders(h.db, cfg, new Date(t - 23 * HOUR)),
			sendDueReminders(h.db, cfg, new Date(t - 23 * HOUR))
		]);
		expect(racing[0] + racing[1]).toBe(5);
		expect(await reminders(h, cohort.id, 'reminder-24h')).toHaveLength(5);
		expect(await sendDueReminders(h.db, cfg, new Date(t - 2 * HOUR))).toBe(0);
		expect(await sendDueReminders(h.db, cfg, new Date(t - 30 * 60_000))).toBe(5);
		expect(await sendDueReminders(h.db, cfg, new Date(t - 10 * 60_000))).toBe(0);
		expect(await sendDueReminders(h.db, cfg, new Date(t + 10 * 60_000))).toBe(0);
		const [mail] = await reminders(h, cohort.id, 'reminder-1h');
		expect(mail.subject).toBe('In one hour: session 1 of Spring group');

		// Session 2 moves: its new date gets its own reminders (a new calendar sequence).
		const t2 = sessions[1].startsAt.getTime();
		expect(await sendDueReminders(h.db, cfg, new Date(t2 - 23 * HOUR))).toBe(5);
		const moved = new Date(t2 + 2 * 86_400_000);
		expect(
			await moveSession(h.db, cfg, { cohortId: cohort.id, number: 2, startsAt: moved, now: start })
		).toEqual({ ok: true });
		expect(await sendDueReminders(h.db, cfg, new Date(moved.getTime() - 23 * HOUR))).toBe(5);
		const keys = await h.db
			.select({ key: notifications.key })
			.from(notifications)
			.where(like(notifications.key, 'reminder-%'));
		expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
	});

	it('are not sent for a session created or moved inside its reminder window', async () => {
		const h = await createTestDb();
		cleanups.push(() => h.close());
		const cfg = testConfig();
		// Created at 17:30 for a first session at 18:00 the same day: nobody is told "in one hour".
		const created = new Date('2027-03-10T17:30:00Z');
		const late = await makeCohort(h.db, { cfg, now: created, firstInDays: 0 });
		const [first] = await listSessions(h.db, late.cohort.id);
		expect(first.startsAt.toISOString()).toBe('2027-03-10T18:00:00.000Z');
		expect(await sendDueReminders(h.db, cfg, created)).toBe(0);
		expect(
			await sendDueReminders(h.db, cfg, new Date(first.startsAt.getTime() - 10 * 60_000))
		).toBe(0);
		expect(await reminders(h, late.cohort.id, 'reminder-1h')).toHaveLength(0);

		// Scheduled three days ahead, then moved to five hours from the move: the 24-hour
		// reminder's window had already opened (the move email told everyone), the 1-hour one had not.
		const start = new Date('2027-04-01T09:00:00Z');
		const { cohort, sessions } = await cohortWithPeople(h, cfg, start);
		const movedAt = new Date(sessions[0].startsAt.getTime() - 2 * 86_400_000);
		const to = new Date(movedAt.getTime() + 5 * HOUR);
		expect(
			await moveSession(h.db, cfg, { cohortId: cohort.id, number: 1, startsAt: to, now: movedAt })
		).toEqual({ ok: true });
		expect(await sendDueReminders(h.db, cfg, new Date(to.getTime() - 4 * HOUR))).toBe(0);
		expect(await reminders(h, cohort.id, 'reminder-24h')).toHaveLength(0);
		expect(await sendDueReminders(h.db, cfg, new Date(to.getTime() - 30 * 60_000))).toBe(5);

		// A session scheduled in good time still gets both.
		const t = sessions[1].startsAt.getTime();
		expect(await sendDueReminders(h.db, cfg, new Date(t - 23 * HOUR))).toBe(5);
		expect(await sendDueReminders(h.db, cfg, new Date(t - 30 * 60_000))).toBe(5);
	});

	it('run from the job queue under a controlled clock, and carry on across a restart', async () => {
		const cfg = testConfig();
		let now = new Date();
		let swept = 0;
		const opts = {
			now: () => now,
			schedule: false,
			pollingIntervalSeconds: 0.5,
			onSwept: () => swept++
		};
		const first = await createTestDb();
		cleanups.push(() => first.close());
		const reopen = () => openDb(first.url, { migrate: false, max: 2 });
		const { cohort, sessions } = await cohortWithPeople(first, cfg, now);
		const t = sessions[0].startsAt.getTime();
		const app = (h: DbHandle) => ({ db: h.db, cfg });

		const a = await startBackgroundJobs(first, app(first), opts);
		now = new Date(t - 23 * HOUR);
		await a.send('reminder-sweep', {});
		await until(() => swept >= 1);
		expect(await reminders(first, cohort.id, 'reminder-24h')).toHaveLength(5);

		// "Restart": the instance stops, a new one starts on the same data and the clock moves on.
		await a.stop();
		const second = await reopen();
		const b = await startBackgroundJobs(second, app(second), opts);
		// A second instance runs beside the restarted one too.
		const others = [await reopen()];
		const extra = await Promise.all(others.map((o) => startBackgroundJobs(o, app(o), opts)));
		now = new Date(t - 30 * 60_000);
		for (const jobs of [b, ...extra]) await jobs.send('reminder-sweep', {});
		await b.send('reminder-sweep', {});
		await until(() => swept >= 2);
		await new Promise((r) => setTimeout(r, 1500));
		expect(await reminders(second, cohort.id, 'reminder-1h')).toHaveLength(5);
		expect(await reminders(second, cohort.id, 'reminder-24h')).toHaveLength(5);
		for (const jobs of [b, ...extra]) await jobs.stop();
		for (const o of others) await o.close();
		await second.close();
	}, 60_000);
});
