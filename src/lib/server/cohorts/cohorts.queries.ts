import { and, asc, desc, eq, exists, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.ts';
import {
	cohortFacilitators,
	cohortSessions,
	cohorts,
	enrolments,
	organisations,
	users
} from '../db/schema/index.ts';

export type Cohort = typeof cohorts.$inferSelect;

export async function insertCohort(q: DbOrTx, c: typeof cohorts.$inferInsert) {
	const [row] = await q.insert(cohorts).values(c).returning();
	return row;
}

export async function insertFacilitators(
	q: DbOrTx,
	rows: (typeof cohortFacilitators.$inferInsert)[]
) {
	if (rows.length) await q.insert(cohortFacilitators).values(rows).onConflictDoNothing();
}

export async function findCohort(q: DbOrTx, orgId: string, id: string) {
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

export async function findCohortByJoinToken(q: DbOrTx, token: string) {
	const [row] = await q.select().from(cohorts).where(eq(cohorts.joinToken, token));
	return row;
}

export async function setJoinToken(q: DbOrTx, id: string, token: string | null) {
	await q.update(cohorts).set({ joinToken: token }).where(eq(cohorts.id, id));
}

export async function markCohortCancelled(q: DbOrTx, id: string, at: Date) {
	const [row] = await q
		.update(cohorts)
		.set({ cancelledAt: at })
		.where(and(eq(cohorts.id, id), isNull(cohorts.cancelledAt)))
		.returning();
	return row;
}

export function listFacilitators(q: DbOrTx, cohortId: string) {
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

export async function updatePeerTrainer(
	q: DbOrTx,
	cohortId: string,
	userId: string,
	peer: boolean
) {
	await q
		.update(cohortFacilitators)
		.set({ peerTrainer: peer })
		.where(and(eq(cohortFacilitators.cohortId, cohortId), eq(cohortFacilitators.userId, userId)));
}

export async function isFacilitatorOf(q: DbOrTx, cohortId: string, userId: string) {
	const [row] = await q
		.select({ userId: cohortFacilitators.userId })
		.from(cohortFacilitators)
		.where(and(eq(cohortFacilitators.cohortId, cohortId), eq(cohortFacilitators.userId, userId)));
	return !!row;
}

/** Cohorts a person facilitates or takes part in (any status but gone). */
export function listCohortsOfPerson(q: DbOrTx, orgId: string, userId: string) {
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

export function listCohorts(q: DbOrTx, orgId: string) {
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

export async function findCohortWithOrganisation(q: DbOrTx, cohortId: string) {
	const [row] = await q
		.select({ cohort: cohorts, organisation: organisations.name })
		.from(cohorts)
		.innerJoin(organisations, eq(organisations.id, cohorts.organisationId))
		.where(eq(cohorts.id, cohortId));
	return row;
}

/* A cohort still running or ahead: not cancelled, and some session has not ended yet. */
function running(q: DbOrTx, orgId: string, now: Date) {
	return and(
		eq(cohorts.organisationId, orgId),
		isNull(cohorts.cancelledAt),
		exists(
			q
				.select({ one: sql`1` })
				.from(cohortSessions)
				.where(and(eq(cohortSessions.cohortId, cohorts.id), gt(cohortSessions.endsAt, now)))
		)
	);
}

/** The languages that running or coming cohorts are held in. */
export async function listRunningCohortLocales(q: DbOrTx, orgId: string, now: Date) {
	const rows = await q
		.selectDistinct({ locale: cohorts.locale })
		.from(cohorts)
		.where(running(q, orgId, now));
	return rows.map((r) => r.locale);
}

/**
 * The countries on the profiles of the people in running or coming cohorts (participants with
 * a place, a waiting-list place or a request, and facilitators); null for those who gave none.
 */
export async function listRunningCohortMemberCountries(q: DbOrTx, orgId: string, now: Date) {
	const participants = await q
		.selectDistinct({ country: users.country })
		.from(enrolments)
		.innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(
			and(running(q, orgId, now), inArray(enrolments.status, ['enrolled', 'waitlisted', 'pending']))
		);
	const facilitators = await q
		.selectDistinct({ country: users.country })
		.from(cohortFacilitators)
		.innerJoin(cohorts, eq(cohorts.id, cohortFacilitators.cohortId))
		.innerJoin(users, eq(users.id, cohortFacilitators.userId))
		.where(running(q, orgId, now));
	return [...new Set([...participants, ...facilitators].map((r) => r.country))];
}
