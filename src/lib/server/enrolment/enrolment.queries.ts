import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import type { DbOrTx } from '../db/client.ts';
import { enrolments, users, type EnrolmentStatus } from '../db/schema/index.ts';

export type Enrolment = typeof enrolments.$inferSelect;

export async function findEnrolment(q: DbOrTx, cohortId: string, userId: string) {
	const [row] = await q
		.select()
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)));
	return row;
}

export async function countEnrolments(q: DbOrTx, cohortId: string, status: EnrolmentStatus) {
	const [row] = await q
		.select({ n: count() })
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, status)));
	return Number(row.n);
}

export async function insertEnrolment(
	q: DbOrTx,
	e: { cohortId: string; userId: string; status: EnrolmentStatus; displayName?: string | null }
) {
	const [row] = await q.insert(enrolments).values(e).returning();
	return row;
}

/** A returning person goes to the back of the queue: a fresh `seq`, as if newly asking. */
export async function markEnrolmentRejoined(
	q: DbOrTx,
	id: string,
	status: EnrolmentStatus,
	at: Date
) {
	const [row] = await q
		.update(enrolments)
		.set({
			status,
			statusAt: at,
			seq: sql`nextval(pg_get_serial_sequence('enrolments', 'seq'))`
		})
		.where(eq(enrolments.id, id))
		.returning();
	return row;
}

export async function setEnrolmentStatus(
	q: DbOrTx,
	id: string,
	status: EnrolmentStatus,
	at: Date,
	from?: EnrolmentStatus[]
) {
	const [row] = await q
		.update(enrolments)
		.set({ status, statusAt: at })
		.where(
			from?.length
				? and(eq(enrolments.id, id), inArray(enrolments.status, from))
				: eq(enrolments.id, id)
		)
		.returning();
	// Every change of a place may end what it allowed: open live streams are re-authorised.
	if (row) await notifyAccessChanged(q, row.userId);
	return row;
}

export function listFirstWaiting(q: DbOrTx, cohortId: string, n: number) {
	return q
		.select()
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, 'waitlisted')))
		.orderBy(asc(enrolments.seq))
		.limit(n);
}

export async function updateEnrolmentProfile(
	q: DbOrTx,
	id: string,
	p: Pick<
		typeof enrolments.$inferInsert,
		| 'displayName'
		| 'pronouns'
		| 'background'
		| 'backgroundVisibility'
		| 'accessNeeds'
		| 'specialCategoryConsentAt'
	>
) {
	await q.update(enrolments).set(p).where(eq(enrolments.id, id));
}

/** Locks the enrolment row for a profile change and returns its consent time. */
export async function lockEnrolmentConsent(q: DbOrTx, id: string) {
	const [row] = await q
		.select({ consentAt: enrolments.specialCategoryConsentAt })
		.from(enrolments)
		.where(eq(enrolments.id, id))
		.for('update');
	return row;
}

/** Withdrawn consent: both special-category fields and the consent time go together. */
export async function updateSpecialCategoryCleared(q: DbOrTx, id: string) {
	const rows = await q
		.update(enrolments)
		.set({
			background: null,
			backgroundVisibility: 'nobody',
			accessNeeds: null,
			specialCategoryConsentAt: null
		})
		.where(eq(enrolments.id, id))
		.returning({ id: enrolments.id });
	return rows.length;
}

export function listEnrolmentsWithPeople(q: DbOrTx, cohortId: string) {
	return q
		.select({
			id: enrolments.id,
			seq: enrolments.seq,
			userId: enrolments.userId,
			status: enrolments.status,
			statusAt: enrolments.statusAt,
			displayName: enrolments.displayName,
			pronouns: enrolments.pronouns,
			background: enrolments.background,
			backgroundVisibility: enrolments.backgroundVisibility,
			accessNeeds: enrolments.accessNeeds,
			name: users.name,
			email: users.email,
			locale: users.locale,
			timeZone: users.timeZone
		})
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(eq(enrolments.cohortId, cohortId))
		.orderBy(asc(enrolments.seq));
}

/** An enrolment by its id, only if it belongs to this cohort. */
export async function findEnrolmentById(q: DbOrTx, cohortId: string, id: string) {
	const [row] = await q
		.select()
		.from(enrolments)
		.where(and(eq(enrolments.id, id), eq(enrolments.cohortId, cohortId)));
	return row;
}

/** The people enrolled in any of these cohorts (who a report's figures are about). */
export function listEnrolledPeopleOf(q: DbOrTx, cohortIds: string[]) {
	if (cohortIds.length === 0) return Promise.resolve([]);
	return q
		.select({ userId: enrolments.userId, cohortId: enrolments.cohortId })
		.from(enrolments)
		.where(and(inArray(enrolments.cohortId, cohortIds), eq(enrolments.status, 'enrolled')));
}
