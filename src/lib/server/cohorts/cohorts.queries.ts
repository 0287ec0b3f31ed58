import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifyAccessChanged } from '../live/access-changes.queries.ts';
import type { Db } from '../db/client.ts';
import {
	attendance,
	cohortFacilitators,
	cohorts,
	cohortSessions,
	courseVersions,
	emailOutbox,
	enrolments,
	users,
	type AttendanceStatus,
	type EnrolmentStatus
} from '../db/schema/index.ts';

export type Cohort = typeof cohorts.$inferSelect;
export type CohortSession = typeof cohortSessions.$inferSelect;
export type Enrolment = typeof enrolments.$inferSelect;

/** Drizzle's transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Q = Db | Tx;

export async function insertCohort(q: Q, c: typeof cohorts.$inferInsert) {
	const [row] = await q.insert(cohorts).values(c).returning();
	return row;
}

export async function insertSessions(q: Q, rows: (typeof cohortSessions.$inferInsert)[]) {
	return q.insert(cohortSessions).values(rows).returning();
}

export async function insertFacilitators(q: Q, rows: (typeof cohortFacilitators.$inferInsert)[]) {
	if (rows.length) await q.insert(cohortFacilitators).values(rows).onConflictDoNothing();
}

export async function findCohort(q: Q, orgId: string, id: string) {
	const [row] = await q
		.select()
		.from(cohorts)
		.where(and(eq(cohorts.organisationId, orgId), eq(cohorts.id, id)));
	return row;
}

/** Locks the cohort row for the rest of the transaction: joins and leaves queue up behind it. */
export async function lockCohort(tx: Tx, id: string) {
	const [row] = await tx.select().from(cohorts).where(eq(cohorts.id, id)).for('update');
	return row;
}

export async function findCohortByJoinToken(q: Q, token: string) {
	const [row] = await q.select().from(cohorts).where(eq(cohorts.joinToken, token));
	return row;
}

export async function setJoinToken(q: Q, id: string, token: string | null) {
	await q.update(cohorts).set({ joinToken: token }).where(eq(cohorts.id, id));
}

export async function markCohortCancelled(q: Q, id: string, at: Date) {
	const [row] = await q
		.update(cohorts)
		.set({ cancelledAt: at })
		.where(and(eq(cohorts.id, id), isNull(cohorts.cancelledAt)))
		.returning();
	return row;
}

export function sessionsOf(q: Q, cohortId: string) {
	return q
		.select()
		.from(cohortSessions)
		.where(eq(cohortSessions.cohortId, cohortId))
		.orderBy(asc(cohortSessions.number));
}

export async function updateSession(
	q: Q,
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

export function facilitatorsOf(q: Q, cohortId: string) {
	return q
		.select({
			userId: cohortFacilitators.userId,
			peerTrainer: cohortFacilitators.peerTrainer,
			name: users.name,
			email: users.email,
			locale: users.locale,
			timeZone: users.timeZone
		})
		.from(cohortFacilitators)
		.innerJoin(users, eq(users.id, cohortFacilitators.userId))
		.where(eq(cohortFacilitators.cohortId, cohortId))
		.orderBy(asc(users.name));
}

export async function setPeerTrainer(q: Q, cohortId: string, userId: string, peer: boolean) {
	await q
		.update(cohortFacilitators)
		.set({ peerTrainer: peer })
		.where(and(eq(cohortFacilitators.cohortId, cohortId), eq(cohortFacilitators.userId, userId)));
}

export async function isFacilitatorOf(q: Q, cohortId: string, userId: string) {
	const [row] = await q
		.select({ userId: cohortFacilitators.userId })
		.from(cohortFacilitators)
		.where(and(eq(cohortFacilitators.cohortId, cohortId), eq(cohortFacilitators.userId, userId)));
	return !!row;
}

export async function findEnrolment(q: Q, cohortId: string, userId: string) {
	const [row] = await q
		.select()
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)));
	return row;
}

export async function countByStatus(q: Q, cohortId: string, status: EnrolmentStatus) {
	const [row] = await q
		.select({ n: count() })
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, status)));
	return Number(row.n);
}

export async function insertEnrolment(
	q: Q,
	e: { cohortId: string; userId: string; status: EnrolmentStatus; displayName?: string | null }
) {
	const [row] = await q.insert(enrolments).values(e).returning();
	return row;
}

/** A returning person goes to the back of the queue: a fresh `seq`, as if newly asking. */
export async function rejoinEnrolment(q: Q, id: string, status: EnrolmentStatus, at: Date) {
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
	q: Q,
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

export function firstWaiting(q: Q, cohortId: string, n: number) {
	return q
		.select()
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, 'waitlisted')))
		.orderBy(asc(enrolments.seq))
		.limit(n);
}

export async function updateEnrolmentProfile(
	q: Q,
	id: string,
	p: Pick<
		typeof enrolments.$inferInsert,
		'displayName' | 'pronouns' | 'background' | 'backgroundVisibility' | 'accessNeeds'
	>
) {
	await q.update(enrolments).set(p).where(eq(enrolments.id, id));
}

export function enrolmentsWithPeople(q: Q, cohortId: string) {
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

/** Cohorts a person facilitates or takes part in (any status but gone). */
export function cohortsOfPerson(q: Q, orgId: string, userId: string) {
	return q
		.select({
			id: cohorts.id,
			name: cohorts.name,
			cancelledAt: cohorts.cancelledAt,
			firstStart: sql<string>`(select min(starts_at) from cohort_sessions s where s.cohort_id = ${cohorts.id})`,
			facilitating: sql<boolean>`exists(select 1 from cohort_facilitators f where f.cohort_id = ${cohorts.id} and f.user_id = ${userId})`,
			enrolment: enrolments.status
		})
		.from(cohorts)
		.leftJoin(enrolments, and(eq(enrolments.cohortId, cohorts.id), eq(enrolments.userId, userId)))
		.where(
			and(
				eq(cohorts.organisationId, orgId),
				sql`(exists(select 1 from cohort_facilitators f where f.cohort_id = ${cohorts.id} and f.user_id = ${userId}) or ${enrolments.status} in ('enrolled','waitlisted','pending'))`
			)
		)
		.orderBy(desc(cohorts.createdAt));
}

export function allCohorts(q: Q, orgId: string) {
	return q
		.select({
			id: cohorts.id,
			name: cohorts.name,
			cancelledAt: cohorts.cancelledAt,
			firstStart: sql<string>`(select min(starts_at) from cohort_sessions s where s.cohort_id = ${cohorts.id})`
		})
		.from(cohorts)
		.where(eq(cohorts.organisationId, orgId))
		.orderBy(desc(cohorts.createdAt));
}

/*
 * Course versions never change (a trigger refuses UPDATE), so each is read and parsed once
 * per process: the package is large, and every live request needs it.
 */
const versions = new Map<string, typeof courseVersions.$inferSelect>();
export async function courseVersionOf(q: Q, id: string) {
	const hit = versions.get(id);
	if (hit) return hit;
	const [row] = await q.select().from(courseVersions).where(eq(courseVersions.id, id));
	if (row) versions.set(id, row);
	return row;
}

export function attendanceOf(q: Q, cohortId: string) {
	return q
		.select({
			cohortSessionId: attendance.cohortSessionId,
			enrolmentId: attendance.enrolmentId,
			status: attendance.status,
			source: attendance.source
		})
		.from(attendance)
		.innerJoin(cohortSessions, eq(cohortSessions.id, attendance.cohortSessionId))
		.where(eq(cohortSessions.cohortId, cohortId));
}

/** A first join records attendance; a later join, or one after a correction, changes nothing. */
export async function insertRoomAttendance(
	q: Q,
	a: { cohortSessionId: string; enrolmentId: string; status: AttendanceStatus; at: Date }
) {
	const rows = await q
		.insert(attendance)
		.values({
			cohortSessionId: a.cohortSessionId,
			enrolmentId: a.enrolmentId,
			status: a.status,
			source: 'room',
			firstJoinedAt: a.at,
			updatedAt: a.at
		})
		.onConflictDoNothing()
		.returning({ status: attendance.status });
	return rows[0];
}

export async function setAttendance(
	q: Q,
	a: { cohortSessionId: string; enrolmentId: string; status: AttendanceStatus; by: string }
) {
	const now = new Date();
	await q
		.insert(attendance)
		.values({
			cohortSessionId: a.cohortSessionId,
			enrolmentId: a.enrolmentId,
			status: a.status,
			source: 'facilitator',
			updatedBy: a.by,
			updatedAt: now
		})
		.onConflictDoUpdate({
			target: [attendance.cohortSessionId, attendance.enrolmentId],
			set: { status: a.status, source: 'facilitator', updatedBy: a.by, updatedAt: now }
		});
}

export function cohortEmails(q: Q, cohortId: string) {
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
