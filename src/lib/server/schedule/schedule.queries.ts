import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { cohorts, cohortSessions, enrolments, users } from '../db/schema/index.ts';

export type CohortSession = typeof cohortSessions.$inferSelect;

export async function insertSessions(q: DbOrTx, rows: (typeof cohortSessions.$inferInsert)[]) {
	return q.insert(cohortSessions).values(rows).returning();
}

export function listSessions(q: DbOrTx, cohortId: string) {
	return q
		.select()
		.from(cohortSessions)
		.where(eq(cohortSessions.cohortId, cohortId))
		.orderBy(asc(cohortSessions.number));
}

export async function updateSession(
	q: DbOrTx,
	id: string,
	patch: Partial<typeof cohortSessions.$inferInsert>
) {
	const [row] = await q
		.update(cohortSessions)
		.set(patch)
		.where(eq(cohortSessions.id, id))
		.returning();
	return row;
}

/** Sessions of running cohorts that start within (`after`, `until`]. */
export function listSessionsStarting(q: DbOrTx, after: Date, until: Date) {
	return q
		.select({ session: cohortSessions })
		.from(cohortSessions)
		.innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
		.where(
			and(
				isNull(cohorts.cancelledAt),
				isNull(cohortSessions.cancelledAt),
				lte(cohortSessions.startsAt, until),
				gt(cohortSessions.startsAt, after)
			)
		);
}

/** The enrolled participants of a cohort, with what an email to them needs. */
export function listEnrolledRecipients(q: DbOrTx, cohortId: string) {
	return q
		.select({ id: users.id, email: users.email, locale: users.locale, timeZone: users.timeZone })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, 'enrolled')));
}
