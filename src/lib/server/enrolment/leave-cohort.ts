import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { sendCohortEmail } from '../email/cohort-emails.ts';
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
		return { ok: true as const, promoted };
	});
	if (!r.ok) return r;
	await notifyPromoted(db, cfg, input.cohortId, r.promoted);
	return { ok: true, promoted: r.promoted.length };
}

export async function notifyPromoted(db: Db, cfg: Config, cohortId: string, list: Enrolment[]) {
	if (!list.length) return;
	const ctx = (await loadCohortContext(db, cohortId))!;
	for (const e of list) {
		const user = await findUserById(db, e.userId);
		if (user) await sendCohortEmail(db, cfg, ctx, user, 'promoted');
	}
}
