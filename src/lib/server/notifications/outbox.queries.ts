import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';

export type NewEmail = typeof emailOutbox.$inferInsert;

export async function insertEmail(q: DbOrTx, e: NewEmail) {
	const [row] = await q.insert(emailOutbox).values(e).returning({ id: emailOutbox.id });
	return row.id;
}

/** Wakes the delivery workers of every instance once the caller's transaction commits. */
export async function notifyEmailQueued(q: DbOrTx) {
	await q.execute(sql`select pg_notify('trellis_email', '')`);
}

/**
 * Claims up to `limit` rows that are due: queued ones whose next attempt has come, and ones
 * whose claim ran out (their worker died mid-delivery). SKIP LOCKED lets workers on several
 * instances claim side by side without waiting on, or taking, each other's rows.
 */
export async function claimDueEmails(db: Db, now: Date, claimFor: number, limit: number) {
	const until = new Date(now.getTime() + claimFor);
	return db
		.update(emailOutbox)
		.set({ status: 'sending', claimedUntil: until, attempts: sql`${emailOutbox.attempts} + 1` })
		.where(
			inArray(
				emailOutbox.id,
				db
					.select({ id: emailOutbox.id })
					.from(emailOutbox)
					.where(
						or(
							and(eq(emailOutbox.status, 'queued'), lte(emailOutbox.nextAttemptAt, now)),
							and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.claimedUntil, now))
						)
					)
					.orderBy(asc(emailOutbox.createdAt))
					.limit(limit)
					.for('update', { skipLocked: true })
			)
		)
		.returning();
}

/** Delivered: the secret link is dropped, the bodies keep their placeholder. */
export async function markEmailSent(db: Db, id: string, at: Date) {
	await db
		.update(emailOutbox)
		.set({
			status: 'sent',
			sentAt: at,
			lastError: null,
			claimedUntil: null,
			secretUrl: sql`case when ${emailOutbox.secretViewer} is null then null else ${emailOutbox.secretUrl} end`
		})
		.where(eq(emailOutbox.id, id));
}

/** Not delivered this time: tried again at `retryAt`, or given up (`retryAt` null). */
export async function markEmailFailed(db: Db, id: string, error: string, retryAt: Date | null) {
	await db
		.update(emailOutbox)
		.set({
			status: retryAt ? 'queued' : 'failed',
			lastError: error,
			claimedUntil: null,
			nextAttemptAt: retryAt ?? sql`${emailOutbox.nextAttemptAt}`,
			// Given up: the link goes too, unless an inviter may still pass it on by hand.
			...(retryAt
				? {}
				: {
						secretUrl: sql`case when ${emailOutbox.secretViewer} is null then null else ${emailOutbox.secretUrl} end`
					})
		})
		.where(eq(emailOutbox.id, id));
}

export async function listOutbox(db: Db, limit = 100) {
	return db
		.select({
			id: emailOutbox.id,
			toAddress: emailOutbox.toAddress,
			subject: emailOutbox.subject,
			kind: emailOutbox.kind,
			status: emailOutbox.status,
			createdAt: emailOutbox.createdAt
		})
		.from(emailOutbox)
		.orderBy(desc(emailOutbox.createdAt))
		.limit(limit);
}

export async function findEmail(db: Db, id: string) {
	const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
	return row;
}

export function listCohortEmails(q: DbOrTx, cohortId: string) {
	return q
		.select({
			id: emailOutbox.id,
			to: emailOutbox.toAddress,
			subject: emailOutbox.subject,
			kind: emailOutbox.kind,
			status: emailOutbox.status,
			createdAt: emailOutbox.createdAt
		})
		.from(emailOutbox)
		.where(eq(emailOutbox.cohortId, cohortId))
		.orderBy(desc(emailOutbox.createdAt))
		.limit(200);
}
