import type { Db } from '../db/client.ts';
import { MAP_SUBJECTS, type MapSubject } from '#lib/workbook/kinds.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { upsertMapSubject } from './workbook.queries.ts';

/**
 * A participant says whom their community map describes: themself (the default) or a
 * fictional person, as the course allows. One choice per person and cohort; it shows wherever
 * the map does and is copied onto each snapshot kept afterwards. Only someone with a place in
 * the cohort has this choice.
 */
export async function setMapSubject(
	db: Db,
	input: { cohortId: string; userId: string; subject: string }
): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'invalid' }> {
	if (!MAP_SUBJECTS.includes(input.subject as MapSubject)) return { ok: false, reason: 'invalid' };
	const place = await findEnrolment(db, input.cohortId, input.userId);
	if (!place || !['enrolled', 'waitlisted', 'pending'].includes(place.status)) {
		return { ok: false, reason: 'not-found' };
	}
	await upsertMapSubject(db, {
		cohortId: input.cohortId,
		userId: input.userId,
		mapSubject: input.subject as MapSubject
	});
	return { ok: true };
}
