import { and, desc, eq, lt, ne, or, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditEvents, cohorts, users } from '../db/schema/index.ts';
import { alias } from 'drizzle-orm/pg-core';

export type AuditEventRow = typeof auditEvents.$inferInsert;

/** Inserts events; a row whose `dedupeKey` is already there is skipped (same read, same day). */
export async function insertAuditEvents(q: DbOrTx, rows: AuditEventRow[]) {
	if (rows.length === 0) return;
	await q.insert(auditEvents).values(rows).onConflictDoNothing({ target: auditEvents.dedupeKey });
}

const actor = alias(users, 'actor');
const subject = alias(users, 'subject');

/** Events with the names of actor, subject and cohort (null once erased or deleted). */
function selectEvents(q: DbOrTx) {
	return q
		.select(eventColumns())
		.from(auditEvents)
		.leftJoin(actor, eq(actor.id, auditEvents.actorId))
		.leftJoin(subject, eq(subject.id, auditEvents.subjectId))
		.leftJoin(cohorts, eq(cohorts.id, auditEvents.cohortId));
}

function eventColumns() {
	return {
		id: auditEvents.id,
		at: auditEvents.at,
		action: auditEvents.action,
		actorRole: auditEvents.actorRole,
		actorId: auditEvents.actorId,
		actorName: actor.name,
		subjectId: auditEvents.subjectId,
		subjectName: subject.name,
		cohortId: auditEvents.cohortId,
		cohortName: cohorts.name,
		target: auditEvents.target,
		reason: auditEvents.reason
	};
}

export type AuditEventView = {
	id: string;
	at: Date;
	action: string;
	actorRole: string;
	actorId: string | null;
	actorName: string | null;
	subjectId: string | null;
	subjectName: string | null;
	cohortId: string | null;
	cohortName: string | null;
	target: string | null;
	reason: string | null;
};

/**
 * The admins' log, newest first, a page at a time (`before` is the `at` of the last row
 * shown). Filters are optional.
 */
export function listAuditEvents(
	q: DbOrTx,
	opts: { limit: number; before?: Date; action?: string; personId?: string }
): Promise<AuditEventView[]> {
	return selectEvents(q)
		.where(
			and(
				opts.before ? lt(auditEvents.at, opts.before) : undefined,
				opts.action ? eq(auditEvents.action, opts.action) : undefined,
				opts.personId
					? or(eq(auditEvents.actorId, opts.personId), eq(auditEvents.subjectId, opts.personId))
					: undefined
			)
		)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(opts.limit);
}

/**
 * What others did with a person's data: every event about them whose actor is someone else
 * (or the system, for retention). What the person did themself is not "access".
 */
export function listAccessToPerson(
	q: DbOrTx,
	subjectId: string,
	limit = 500
): Promise<AuditEventView[]> {
	return selectEvents(q)
		.where(
			and(
				eq(auditEvents.subjectId, subjectId),
				or(isNull(auditEvents.actorId), ne(auditEvents.actorId, subjectId))
			)
		)
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(limit);
}

/** Deletes events older than `before` (the retention job); returns how many went. */
export async function deleteAuditEventsBefore(q: DbOrTx, before: Date) {
	const rows = await q
		.delete(auditEvents)
		.where(lt(auditEvents.at, before))
		.returning({ id: auditEvents.id });
	return rows.length;
}

/** How many events are older than `before` (the retention dry run). */
export async function countAuditEventsBefore(q: DbOrTx, before: Date) {
	const [row] = await q
		.select({ n: sql<number>`count(*)::int` })
		.from(auditEvents)
		.where(lt(auditEvents.at, before));
	return row?.n ?? 0;
}
