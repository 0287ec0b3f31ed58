import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { isClosed, loadCohortContext } from '../cohorts/cohort-context.ts';
import { sendCohortEmail } from '../email/cohort-emails.ts';
import { findEnrolment, insertEnrolment, markEnrolmentRejoined } from './enrolment.queries.ts';
import { lockCohort } from '../cohorts/cohorts.queries.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { placeFor, waitlistPosition } from './place-rule.ts';

export type JoinResult =
	| { ok: true; status: 'enrolled' | 'waitlisted' | 'pending'; changed: boolean }
	| { ok: false; reason: 'not-found' | 'closed' | 'refused' };

/**
 * Takes a place in a cohort, or a place in the queue. An invitation or an open join link
 * gives a place (or the waiting list when full); a join link with approval makes a request.
 * Joining again while already in changes nothing; someone who left joins at the back.
 */
export async function joinCohort(
	db: Db,
	cfg: Config,
	input: { cohortId: string; userId: string; via: 'invitation' | 'link'; now?: Date }
): Promise<JoinResult> {
	const now = input.now ?? new Date();
	const result = await db.transaction(async (tx) => {
		const cohort = await lockCohort(tx, input.cohortId);
		if (!cohort) return { ok: false as const, reason: 'not-found' as const };
		if (isClosed({ cohort, sessions: await listSessions(tx, cohort.id) }, now)) {
			return { ok: false as const, reason: 'closed' as const };
		}
		const existing = await findEnrolment(tx, cohort.id, input.userId);
		if (existing && ['enrolled', 'waitlisted', 'pending'].includes(existing.status)) {
			return {
				ok: true as const,
				status: existing.status as 'enrolled' | 'waitlisted' | 'pending',
				changed: false
			};
		}
		if (existing?.status === 'refused' && input.via === 'link') {
			return { ok: false as const, reason: 'refused' as const };
		}
		const status: 'enrolled' | 'waitlisted' | 'pending' =
			input.via === 'link' && cohort.joinNeedsApproval ? 'pending' : await placeFor(tx, cohort);
		const row = existing
			? await markEnrolmentRejoined(tx, existing.id, status, now)
			: await insertEnrolment(tx, { cohortId: cohort.id, userId: input.userId, status });
		const position = status === 'waitlisted' ? await waitlistPosition(tx, cohort.id, row.seq) : 0;
		return { ok: true as const, status, changed: true, position };
	});
	if (result.ok && result.changed) {
		const ctx = (await loadCohortContext(db, input.cohortId))!;
		const user = await findUserById(db, input.userId);
		if (user) {
			const kind =
				result.status === 'enrolled'
					? 'enrolled'
					: result.status === 'waitlisted'
						? 'waitlisted'
						: 'request-received';
			await sendCohortEmail(db, cfg, ctx, user, kind, { position: result.position });
		}
	}
	if (result.ok) return { ok: true, status: result.status, changed: result.changed };
	return result;
}
