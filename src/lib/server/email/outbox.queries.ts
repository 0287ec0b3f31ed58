import { desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';

export type NewEmail = typeof emailOutbox.$inferInsert;

export async function insertEmail(db: Db, e: NewEmail) {
	const [row] = await db.insert(emailOutbox).values(e).returning({ id: emailOutbox.id });
	return row.id;
}

export async function markEmail(
	db: Db,
	id: string,
	s: { status: 'sent' | 'failed'; error?: string }
) {
	await db
		.update(emailOutbox)
		.set({
			status: s.status,
			lastError: s.error ?? null,
			attempts: sql`${emailOutbox.attempts} + 1`,
			sentAt: s.status === 'sent' ? new Date() : null
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
