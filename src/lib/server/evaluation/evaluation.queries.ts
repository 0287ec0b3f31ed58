import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	cohortSessions,
	cohorts,
	evaluationRespondents,
	evaluationResponses
} from '../db/schema/index.ts';

/** Marks that a person has responded; false when they already had (the primary key decides). */
export async function addEvaluationRespondent(
	q: DbOrTx,
	r: { cohortId: string; phase: string; userId: string }
) {
	const rows = await q
		.insert(evaluationRespondents)
		.values(r)
		.onConflictDoNothing()
		.returning({ userId: evaluationRespondents.userId });
	return rows.length > 0;
}

/** The response: pseudonym and answers, no person, no time. */
export async function insertEvaluationResponse(
	q: DbOrTx,
	r: {
		cohortId: string;
		phase: string;
		questionnaire: string;
		pseudonym: string;
		answers: Record<string, string | number>;
	}
) {
	await q.insert(evaluationResponses).values(r);
}

export async function listRespondedPhases(q: DbOrTx, cohortId: string, userId: string) {
	const rows = await q
		.select({ phase: evaluationRespondents.phase })
		.from(evaluationRespondents)
		.where(
			and(eq(evaluationRespondents.cohortId, cohortId), eq(evaluationRespondents.userId, userId))
		);
	return new Set(rows.map((r) => r.phase));
}

/** Who has responded in a cohort's phase: for reminders only (no answers here). */
export async function listRespondents(q: DbOrTx, cohortId: string, phase: string) {
	const rows = await q
		.select({ userId: evaluationRespondents.userId })
		.from(evaluationRespondents)
		.where(
			and(eq(evaluationRespondents.cohortId, cohortId), eq(evaluationRespondents.phase, phase))
		);
	return new Set(rows.map((r) => r.userId));
}

/** Every response of these cohorts, for aggregates only. */
export function listEvaluationResponses(q: DbOrTx, cohortIds: string[]) {
	if (!cohortIds.length) return Promise.resolve([]);
	return q
		.select({
			cohortId: evaluationResponses.cohortId,
			phase: evaluationResponses.phase,
			pseudonym: evaluationResponses.pseudonym,
			answers: evaluationResponses.answers
		})
		.from(evaluationResponses)
		.where(inArray(evaluationResponses.cohortId, cohortIds));
}

/** Cohorts (not cancelled) whose session `number` starts (or ends) within (after, until]. */
export async function listCohortsWithSessionBetween(
	q: DbOrTx,
	s: { number: number; edge: 'start' | 'end'; after: Date; until: Date }
) {
	const at = s.edge === 'start' ? cohortSessions.startsAt : cohortSessions.endsAt;
	const rows = await q
		.select({ cohortId: cohortSessions.cohortId })
		.from(cohortSessions)
		.innerJoin(cohorts, eq(cohorts.id, cohortSessions.cohortId))
		.where(
			and(
				isNull(cohorts.cancelledAt),
				isNull(cohortSessions.cancelledAt),
				eq(cohortSessions.number, s.number),
				gt(at, s.after),
				lte(at, s.until)
			)
		);
	return rows.map((r) => r.cohortId);
}
