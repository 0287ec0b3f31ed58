import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { liveAnswers, liveRespondents, liveState } from '../db/schema/index.ts';

export type AnswerRow = typeof liveAnswers.$inferInsert & { id: string; cohortSessionId: string };

export type RespondentRow = typeof liveRespondents.$inferInsert;

/*
 * The live state rows of some sessions, share-locked: a facilitator closing an activity
 * (which takes the row for update) waits for these answers to commit, or commits first and
 * these see it closed. Either way an answer is never stored into a closed activity.
 */
export function listStatesForShare(tx: Tx, sessionIds: string[]) {
	return tx
		.select({ sessionId: liveState.cohortSessionId, activity: liveState.activity })
		.from(liveState)
		.where(inArray(liveState.cohortSessionId, sessionIds))
		.for('share');
}

/** Stores many answers in one statement; returns the ids that were new. */
/**
 * Adds the respondents of anonymous polls; returns the keys (`session block enrolment`) that
 * were new, so an answer whose respondent was already there is not stored a second time.
 */
export async function insertRespondents(tx: Tx, rows: RespondentRow[]) {
	if (!rows.length) return new Set<string>();
	const stored = await tx.insert(liveRespondents).values(rows).onConflictDoNothing().returning({
		s: liveRespondents.cohortSessionId,
		b: liveRespondents.blockId,
		e: liveRespondents.enrolmentId
	});
	return new Set(stored.map((r) => `${r.s} ${r.b} ${r.e}`));
}

export async function insertAnswers(tx: Tx, rows: AnswerRow[]) {
	if (!rows.length) return new Set<string>();
	const stored = await tx
		.insert(liveAnswers)
		.values(rows)
		.onConflictDoNothing()
		.returning({ id: liveAnswers.id });
	return new Set(stored.map((r) => r.id));
}
