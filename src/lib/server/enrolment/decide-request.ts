import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { placeEmailKind } from '../notifications/templates/place-changed.ts';
import { lockCohort } from '../cohorts/cohorts.queries.ts';
import { findEnrolmentById, setEnrolmentStatus } from './enrolment.queries.ts';
import { placeFor } from './place-rule.ts';

/** A facilitator approves or declines a join request made through the join link. */
export async function decideRequest(
	db: Db,
	cfg: Config,
	input: { cohortId: string; enrolmentId: string; approve: boolean; now?: Date }
) {
	const now = input.now ?? new Date();
	const r = await db.transaction(async (tx) => {
		const cohort = await lockCohort(tx, input.cohortId);
		if (!cohort) return undefined;
		const e = await findEnrolmentById(tx, cohort.id, input.enrolmentId);
		if (!e || e.status !== 'pending') return undefined;
		const status = input.approve ? await placeFor(tx, cohort) : 'refused';
		const row = await setEnrolmentStatus(tx, e.id, status, now, ['pending']);
		const user = row && (await findUserById(tx, row.userId));
		if (user) {
			const ctx = (await loadCohortContext(tx, input.cohortId))!;
			await enqueueCohortEmail(tx, cfg, ctx, user, placeEmailKind(status));
		}
		return row;
	});
	if (!r) return { ok: false as const };
	return { ok: true as const, status: r.status };
}
