import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { cohorts, cohortSessions, enrolments, notifications, users } from '../db/schema/index.ts';
import { loadCohortContext, type CohortContext } from './cohort-context.ts';
import { sendCohortEmail } from './cohort-emails.ts';
import { facilitatorsOf } from './cohorts.queries.ts';

const HOUR = 3_600_000;

/*
 * Which reminder is due: the 24-hour one from 24 h before the start until 1 h before (a
 * session scheduled at short notice gets only the 1-hour one), the 1-hour one in the last
 * hour. The window, not an exact instant, lets a sweep that ran late (a restart, a busy
 * server) still send it.
 */
export const REMINDERS = [
	{ kind: 'reminder-24h' as const, from: 24 * HOUR, until: HOUR },
	{ kind: 'reminder-1h' as const, from: HOUR, until: 0 }
];

/**
 * Sends every reminder that is due at `now`, to enrolled participants and facilitators. Each
 * (reminder, session, date version, person) is claimed by inserting its notification key;
 * the unique index lets exactly one claimer win, however many instances or retries sweep at
 * once. A moved session has a new `sequence`, so its reminders are due again.
 */
export async function sendDueReminders(db: Db, cfg: Config, now: Date) {
	let sent = 0;
	for (const r of REMINDERS) {
		const due = await db
			.select({ session: cohortSessions })
			.from(cohortSessions)
			.innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
			.where(
				and(
					isNull(cohorts.cancelledAt),
					isNull(cohortSessions.cancelledAt),
					lte(cohortSessions.startsAt, new Date(now.getTime() + r.from)),
					gt(cohortSessions.startsAt, new Date(now.getTime() + r.until))
				)
			);
		for (const { session } of due) {
			const ctx = (await loadCohortContext(db, session.cohortId))!;
			sent += await remindSession(db, cfg, ctx, session, r.kind);
		}
	}
	return sent;
}

async function remindSession(
	db: Db,
	cfg: Config,
	ctx: CohortContext,
	session: typeof cohortSessions.$inferSelect,
	kind: 'reminder-24h' | 'reminder-1h'
) {
	const people = await db
		.select({ id: users.id, email: users.email, locale: users.locale, timeZone: users.timeZone })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(enrolments.cohortId, ctx.cohort.id), eq(enrolments.status, 'enrolled')));
	const facilitators = await facilitatorsOf(db, ctx.cohort.id);
	let sent = 0;
	for (const p of [...people, ...facilitators.map((f) => ({ ...f, id: f.userId }))]) {
		const key = `${kind}:${session.id}:${session.sequence}:${p.id}`;
		const claimed = await db
			.insert(notifications)
			.values({ key, userId: p.id, cohortId: ctx.cohort.id })
			.onConflictDoNothing()
			.returning({ id: notifications.id });
		if (!claimed.length) continue;
		const emailId = await sendCohortEmail(db, cfg, ctx, p, kind, { session });
		await db.update(notifications).set({ emailId }).where(eq(notifications.id, claimed[0].id));
		sent++;
	}
	return sent;
}
