import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import {
	listEnrolledRecipients,
	listSessionsStarting,
	type CohortSession
} from './schedule.queries.ts';
import {
	insertNotificationClaim,
	setNotificationEmail
} from '../notifications/notifications.queries.ts';
import { loadCohortContext, type CohortContext } from '../cohorts/cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { listFacilitators } from '../cohorts/cohorts.queries.ts';
import { listWorkbookReminderUsers } from '../workbook/workbook.queries.ts';

const HOUR = 3_600_000;

/*
 * Which reminder is due: the 24-hour one from 24 h before the start until 1 h before, the
 * 1-hour one in the last hour. The window, not an exact instant, lets a sweep that ran late (a
 * restart, a busy server) still send it.
 *
 * A reminder is due only for a date that was set before its window opened
 * (`scheduledAt <= startsAt - from`). A session created or moved 10 hours ahead gets only the
 * 1-hour reminder; one created or moved 30 minutes ahead gets none: the people concerned were
 * just told the date (the creators by the form, everyone else by the invitation or the
 * "session moved" email), and "In one hour" the moment it is set would be wrong.
 */
export const REMINDERS = [
	{ kind: 'reminder-24h' as const, from: 24 * HOUR, until: HOUR },
	{ kind: 'reminder-1h' as const, from: HOUR, until: 0 }
];

/**
 * Writes every reminder that is due at `now`, to enrolled participants and facilitators. Each
 * (reminder, session, date version, person) is claimed by inserting its notification key;
 * the unique index lets exactly one claimer win, however many instances or retries sweep at
 * once. A moved session has a new `sequence`, so its reminders are due again.
 */
export async function sendDueReminders(db: Db, cfg: Config, now: Date) {
	let sent = 0;
	for (const r of REMINDERS) {
		const due = await listSessionsStarting(
			db,
			new Date(now.getTime() + r.until),
			new Date(now.getTime() + r.from)
		);
		for (const { session } of due) {
			if (session.scheduledAt.getTime() > session.startsAt.getTime() - r.from) continue;
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
	session: CohortSession,
	kind: 'reminder-24h' | 'reminder-1h'
) {
	const people = await listEnrolledRecipients(db, ctx.cohort.id);
	const facilitators = await listFacilitators(db, ctx.cohort.id);
	let sent = 0;
	for (const p of [...people, ...facilitators.map((f) => ({ ...f, id: f.userId }))]) {
		const key = `${kind}:${session.id}:${session.sequence}:${p.id}`;
		// The claim and the email commit together: a crash leaves neither or both, so a
		// reminder is never lost to a claim without its email, nor written twice.
		const wrote = await db.transaction(async (tx) => {
			const claimed = await insertNotificationClaim(tx, {
				key,
				userId: p.id,
				cohortId: ctx.cohort.id
			});
			if (!claimed) return false;
			const emailId = await enqueueCohortEmail(tx, cfg, ctx, p, kind, { session });
			await setNotificationEmail(tx, claimed, emailId);
			return true;
		});
		if (wrote) sent++;
	}
	if (kind === 'reminder-24h' && session.number > 1) {
		sent += await remindWorkbook(db, cfg, ctx, session, people);
	}
	return sent;
}

/*
 * "Your notes for session N", the day before, to participants who switched it on in their
 * workbook (off by default). Claimed once per session date and person, like the others.
 */
async function remindWorkbook(
	db: Db,
	cfg: Config,
	ctx: CohortContext,
	session: CohortSession,
	people: { id: string; email: string; locale: string; timeZone: string }[]
) {
	const wanted = new Set(await listWorkbookReminderUsers(db, ctx.cohort.id));
	let sent = 0;
	for (const p of people.filter((x) => wanted.has(x.id))) {
		const key = `workbook-24h:${session.id}:${session.sequence}:${p.id}`;
		const wrote = await db.transaction(async (tx) => {
			const claimed = await insertNotificationClaim(tx, {
				key,
				userId: p.id,
				cohortId: ctx.cohort.id
			});
			if (!claimed) return false;
			const emailId = await enqueueCohortEmail(tx, cfg, ctx, p, 'workbook-reminder', {
				session,
				url: `${cfg.origin}/cohorts/${ctx.cohort.id}/workbook/sessions/${session.number - 1}`
			});
			await setNotificationEmail(tx, claimed, emailId);
			return true;
		});
		if (wrote) sent++;
	}
	return sent;
}
