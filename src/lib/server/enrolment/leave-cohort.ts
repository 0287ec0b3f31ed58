import type { Config } from '../config.ts';
import type { Db, Tx } from '../db/client.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { findEnrolment, setEnrolmentStatus, type Enrolment } from './enrolment.queries.ts';
import { lockCohort } from '../cohorts/cohorts.queries.ts';
import { promoteWaiting } from './place-rule.ts';

/**
 * A participant leaves (or, after being promoted, declines the place). A freed place goes to
 * the first person waiting, in the same transaction, and they are told by email.
 */
export async function leaveCohort(
	db: Db,
	cfg: Config,
	input: { cohortId: string; userId: string; decline?: boolean; now?: Date }
): Promise<{ ok: true; promoted: number } | { ok: false; reason: 'not-in-cohort' }> {
	const now = input.now ?? new Date();
	const r = await db.transaction(async (tx) => {
		const cohort = await lockCohort(tx, input.cohortId);
		const e = cohort && (await findEnrolment(tx, cohort.id, input.userId));
		if (!cohort || !e || !['enrolled', 'waitlisted', 'pending'].includes(e.status)) {
			return { ok: false as const, reason: 'not-in-cohort' as const };
		}
		await setEnrolmentStatus(tx, e.id, input.decline ? 'declined' : 'left', now);
		const promoted = e.status === 'enrolled' ? await promoteWaiting(tx, cohort, now) : [];
		await notifyPromoted(tx, cfg, input.cohortId, promoted);
		return { ok: true as const, promoted };
	});
	if (!r.ok) return r;
	return { ok: true, promoted: r.promoted.length };
}

/** Tells each person moved up from the waiting list, in the transaction that moved them. */
export async function notifyPromoted(tx: Tx, cfg: Config, cohortId: string, list: Enrolment[]) {
	if (!list.length) return;
	const ctx = (await loadCohortContext(tx, cohortId))!;
	for (const e of list) {
		const user = await findUserById(tx, e.userId);
		if (user) await enqueueCohortEmail(tx, cfg, ctx, user, 'promoted');
	}
}
