import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { calendarFeeds, cohortFacilitators, enrolments, users } from '../db/schema/index.ts';

export async function revokeCalendarFeeds(q: DbOrTx, userId: string, at: Date) {
	await q
		.update(calendarFeeds)
		.set({ revokedAt: at })
		.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
}

export async function insertCalendarFeed(q: DbOrTx, userId: string, tokenHash: string) {
	await q.insert(calendarFeeds).values({ userId, tokenHash });
}

export async function hasOpenCalendarFeed(q: DbOrTx, userId: string) {
	const [row] = await q
		.select({ id: calendarFeeds.id })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
	return !!row;
}

export async function findOpenCalendarFeed(q: DbOrTx, tokenHash: string) {
	const [feed] = await q
		.select({ userId: calendarFeeds.userId, locale: users.locale })
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
	return feed;
}

/** The cohorts whose sessions belong in a person's calendar: enrolled in, or facilitating. */
export async function listCalendarCohortIds(q: DbOrTx, userId: string) {
	const mine = await q
		.select({ cohortId: enrolments.cohortId })
		.from(enrolments)
		.where(and(eq(enrolments.userId, userId), inArray(enrolments.status, ['enrolled'])));
	const leading = await q
		.select({ cohortId: cohortFacilitators.cohortId })
		.from(cohortFacilitators)
		.where(eq(cohortFacilitators.userId, userId));
	return [...new Set([...mine, ...leading].map((r) => r.cohortId))];
}
