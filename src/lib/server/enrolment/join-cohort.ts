import type { Config } from '../config.ts';
import type { Db, Tx } from '../db/client.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { isClosed, loadCohortContext } from '../cohorts/cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { placeEmailKind } from '../notifications/templates/place-changed.ts';
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
	return db.transaction((tx) => takePlace(tx, cfg, input));
}

/**
 * joinCohort's rule inside the caller's transaction, so that accepting an invitation creates
 * the account, the role and the place at once. The email about the place is written in the
 * same transaction and sent after it commits.
 */
export async function takePlace(
	tx: Tx,
	cfg: Config,
	input: { cohortId: string; userId: string; via: 'invitation' | 'link'; now?: Date }
): Promise<JoinResult> {
	const now = input.now ?? new Date();
	const cohort = await lockCohort(tx, input.cohortId);
	if (!cohort) return { ok: false, reason: 'not-found' };
	if (isClosed({ cohort, sessions: await listSessions(tx, cohort.id) }, now)) {
		return { ok: false, reason: 'closed' };
	}
	const existing = await findEnrolment(tx, cohort.id, input.userId);
	if (existing && ['enrolled', 'waitlisted', 'pending'].includes(existing.status)) {
		return {
			ok: true,
			status: existing.status as 'enrolled' | 'waitlisted' | 'pending',
			changed: false
		};
	}
	if (existing?.status === 'refused' && input.via === 'link') {
		return { ok: false, reason: 'refused' };
	}
	const status: 'enrolled' | 'waitlisted' | 'pending' =
		input.via === 'link' && cohort.joinNeedsApproval ? 'pending' : await placeFor(tx, cohort);
	const row = existing
		? await markEnrolmentRejoined(tx, existing.id, status, now)
		: await insertEnrolment(tx, { cohortId: cohort.id, userId: input.userId, status });
	const position = status === 'waitlisted' ? await waitlistPosition(tx, cohort.id, row.seq) : 0;
	const user = await findUserById(tx, input.userId);
	if (user) {
		const ctx = (await loadCohortContext(tx, input.cohortId))!;
		await enqueueCohortEmail(tx, cfg, ctx, user, placeEmailKind(status), { position });
	}
	return { ok: true, status, changed: true };
}
