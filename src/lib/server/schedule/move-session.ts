import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { isClosed, loadCohortContext } from '../cohorts/cohort-context.ts';
import { enqueueCohortEmail } from '../notifications/enqueue-cohort-email.ts';
import { listEnrolmentsWithPeople } from '../enrolment/enrolment.queries.ts';
import { listFacilitators, lockCohort } from '../cohorts/cohorts.queries.ts';
import { listSessions, updateSession } from './schedule.queries.ts';

export type MoveResult =
	{ ok: true } | { ok: false; reason: 'not-found' | 'closed' | 'past' | 'order' };

/**
 * Moves one session to a new start. The order and no-overlap rules hold afterwards; the
 * calendar sequence goes up so calendars replace the old event; everyone affected (enrolled
 * and waiting participants, facilitators) gets the new date by email with an .ics file. The
 * new date counts as scheduled at `now`, so reminders whose window has already opened are
 * not sent for it.
 */
export async function moveSession(
	db: Db,
	cfg: Config,
	input: { cohortId: string; number: number; startsAt: Date; now?: Date }
): Promise<MoveResult> {
	const now = input.now ?? new Date();
	const r = await db.transaction(async (tx) => {
		const cohort = await lockCohort(tx, input.cohortId);
		if (!cohort) return { ok: false as const, reason: 'not-found' as const };
		const sessions = await listSessions(tx, cohort.id);
		if (isClosed({ cohort, sessions }, now)) {
			return { ok: false as const, reason: 'closed' as const };
		}
		const s = sessions.find((x) => x.number === input.number);
		if (!s) return { ok: false as const, reason: 'not-found' as const };
		if (input.startsAt.getTime() <= now.getTime() || s.startsAt.getTime() <= now.getTime()) {
			return { ok: false as const, reason: 'past' as const };
		}
		const length = s.endsAt.getTime() - s.startsAt.getTime();
		const endsAt = new Date(input.startsAt.getTime() + length);
		const before = sessions.find((x) => x.number === input.number - 1);
		const after = sessions.find((x) => x.number === input.number + 1);
		if ((before && before.endsAt > input.startsAt) || (after && endsAt > after.startsAt)) {
			return { ok: false as const, reason: 'order' as const };
		}
		const moved = await updateSession(tx, s.id, {
			startsAt: input.startsAt,
			endsAt,
			sequence: s.sequence + 1,
			scheduledAt: now
		});
		const ctx = (await loadCohortContext(tx, input.cohortId))!;
		const people = (await listEnrolmentsWithPeople(tx, input.cohortId)).filter((p) =>
			['enrolled', 'waitlisted'].includes(p.status)
		);
		const facilitators = await listFacilitators(tx, input.cohortId);
		for (const p of [...people, ...facilitators]) {
			await enqueueCohortEmail(tx, cfg, ctx, p, 'session-moved', {
				session: moved,
				previous: { startsAt: s.startsAt, endsAt: s.endsAt }
			});
		}
		return { ok: true as const };
	});
	if (!r.ok) return r;
	return { ok: true };
}
