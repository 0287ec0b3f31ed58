import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { pulseAnswers, pulseRespondents } from '../db/schema/index.ts';

export type PulseValues = {
	useful: number | null;
	pace: number | null;
	ableToPass: number | null;
	safeToShare: number | null;
	comment: string | null;
};

/** Marks a person as having answered; false when they already had (the primary key decides). */
export async function addPulseRespondent(q: DbOrTx, cohortSessionId: string, userId: string) {
	const rows = await q
		.insert(pulseRespondents)
		.values({ cohortSessionId, userId })
		.onConflictDoNothing()
		.returning({ userId: pulseRespondents.userId });
	return rows.length > 0;
}

/** The answer row: no person, no time. */
export async function insertPulseAnswer(q: DbOrTx, cohortSessionId: string, v: PulseValues) {
	await q.insert(pulseAnswers).values({ cohortSessionId, ...v });
}

/** The sessions (of these) whose pulse this person has answered. */
export async function listAnsweredPulses(q: DbOrTx, userId: string, sessionIds: string[]) {
	if (!sessionIds.length) return new Set<string>();
	const rows = await q
		.select({ id: pulseRespondents.cohortSessionId })
		.from(pulseRespondents)
		.where(
			and(
				eq(pulseRespondents.userId, userId),
				inArray(pulseRespondents.cohortSessionId, sessionIds)
			)
		);
	return new Set(rows.map((r) => r.id));
}

/** Every answer to these sessions' pulses, for aggregates only. */
export function listPulseAnswers(q: DbOrTx, sessionIds: string[]) {
	if (!sessionIds.length) return Promise.resolve([]);
	return q
		.select({
			cohortSessionId: pulseAnswers.cohortSessionId,
			useful: pulseAnswers.useful,
			pace: pulseAnswers.pace,
			ableToPass: pulseAnswers.ableToPass,
			safeToShare: pulseAnswers.safeToShare,
			comment: pulseAnswers.comment
		})
		.from(pulseAnswers)
		.where(inArray(pulseAnswers.cohortSessionId, sessionIds));
}
