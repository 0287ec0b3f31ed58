import { and, desc, eq, gt, lt, ne, or, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { sessions } from '../db/schema/index.ts';

/** A person's sessions that have not expired, most recently active first. */
export async function listActiveSessions(db: Db, userId: string, now: Date) {
	return db
		.select({
			id: sessions.id,
			token: sessions.token,
			createdAt: sessions.createdAt,
			updatedAt: sessions.updatedAt,
			lastActiveAt: sessions.lastActiveAt,
			userAgent: sessions.userAgent
		})
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.orderBy(desc(sql`coalesce(${sessions.lastActiveAt}, ${sessions.updatedAt})`));
}

/* Only moves forward, and at most once per `everyS`: most requests write nothing. */
export async function markSessionActive(db: Db, id: string, now: Date, everyS: number) {
	await db
		.update(sessions)
		.set({ lastActiveAt: now })
		.where(
			and(
				eq(sessions.id, id),
				or(
					isNull(sessions.lastActiveAt),
					lt(sessions.lastActiveAt, new Date(now.getTime() - everyS * 1000))
				)
			)
		);
}

/** Deletes one of a person's sessions by id; the person must own it. Returns how many went. */
export async function deleteSessionOfUser(db: Db, userId: string, id: string) {
	const rows = await db
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
		.returning({ id: sessions.id });
	return rows.length;
}

export async function deleteSessionById(db: Db, id: string) {
	await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes all of a person's sessions, or all but one (`keepId`). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, keepId?: string) {
	const rows = await db
		.delete(sessions)
		.where(
			keepId
				? and(eq(sessions.userId, userId), ne(sessions.id, keepId))
				: eq(sessions.userId, userId)
		)
		.returning({ id: sessions.id });
	return rows.length;
}
