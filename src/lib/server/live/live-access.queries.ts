import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { preparedPer } from '../db/prepared.ts';
import {
	cohortFacilitators,
	cohorts,
	cohortSessions,
	enrolments,
	organisations
} from '../db/schema/index.ts';

/*
 * Who someone is in the cohort of one live session, in one round trip: the session, its
 * cohort and organisation, whether the person facilitates it and their enrolment. Every
 * answer and facilitator action asks this, so it is one query rather than five.
 */
export async function findLiveMembership(db: Db, sessionId: string, userId: string) {
	const [row] = await liveMembership(db).execute({ sessionId, userId });
	return row;
}

const liveMembership = preparedPer((db: Db) => {
	const userId = sql.placeholder('userId');
	return db
		.select({
			session: cohortSessions,
			cohort: cohorts,
			organisation: organisations.name,
			facilitator: sql<boolean>`exists (select 1 from ${cohortFacilitators} where ${cohortFacilitators.cohortId} = ${cohorts.id} and ${cohortFacilitators.userId} = ${userId})`,
			enrolment: enrolments
		})
		.from(cohortSessions)
		.innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
		.innerJoin(organisations, eq(organisations.id, cohorts.organisationId))
		.leftJoin(enrolments, and(eq(enrolments.cohortId, cohorts.id), eq(enrolments.userId, userId)))
		.where(eq(cohortSessions.id, sql.placeholder('sessionId')))
		.prepare('find_live_membership');
});
