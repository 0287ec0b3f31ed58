import type { Db } from '../db/client.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { addPulseRespondent, insertPulseAnswer, type PulseValues } from './pulse.queries.ts';
import { pulseOpen } from './pulse-window.ts';

/**
 * A participant's feedback on one session, once. The answer is written without the person or
 * a time; that they answered is written apart, in the same transaction, so a second answer is
 * refused and nothing is stored half-way. Values are checked by the caller's form schema and
 * again by the table's checks.
 */
export async function answerPulse(
	db: Db,
	input: { cohortId: string; number: number; userId: string; values: PulseValues; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'closed' | 'already-answered' }> {
	const now = input.now ?? new Date();
	const ctx = await loadCohortContext(db, input.cohortId);
	const session = ctx?.sessions.find((s) => s.number === input.number);
	if (!ctx || !session) return { ok: false, reason: 'not-found' };
	const enrolment = await findEnrolment(db, input.cohortId, input.userId);
	if (enrolment?.status !== 'enrolled') return { ok: false, reason: 'not-found' };
	if (!pulseOpen(session, now)) return { ok: false, reason: 'closed' };
	return db.transaction(async (tx) => {
		if (!(await addPulseRespondent(tx, session.id, input.userId))) {
			return { ok: false as const, reason: 'already-answered' as const };
		}
		await insertPulseAnswer(tx, session.id, input.values);
		return { ok: true as const };
	});
}
