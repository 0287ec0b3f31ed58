import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loadCohortContext } from './cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { listEnrolmentsWithPeople } from '../enrolment/enrolment.queries.ts';
import { listFacilitators, markCohortCancelled } from './cohorts.queries.ts';

/** Cancels a cohort once; everyone in it or waiting is told, with a cancelling .ics. */
export async function cancelCohort(db: Db, cfg: Config, cohortId: string, now = new Date()) {
	return db.transaction(async (tx) => {
		const row = await markCohortCancelled(tx, cohortId, now);
		if (!row) return { ok: false as const };
		const ctx = (await loadCohortContext(tx, cohortId))!;
		const people = (await listEnrolmentsWithPeople(tx, cohortId)).filter((p) =>
			['enrolled', 'waitlisted', 'pending'].includes(p.status)
		);
		for (const p of [...people, ...(await listFacilitators(tx, cohortId))]) {
			await enqueueCohortEmail(tx, cfg, ctx, p, 'cohort-cancelled');
		}
		return { ok: true as const };
	});
}
