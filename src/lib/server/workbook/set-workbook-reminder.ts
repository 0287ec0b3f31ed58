import type { Db } from '../db/client.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { upsertWorkbookPreferences } from './workbook.queries.ts';

/**
 * A participant switches the reminder email before each session on or off (off unless they
 * switch it on). Only someone with a place in the cohort has this choice.
 */
export async function setWorkbookReminder(
	db: Db,
	input: { cohortId: string; userId: string; on: boolean }
): Promise<{ ok: true } | { ok: false; reason: 'not-found' }> {
	const place = await findEnrolment(db, input.cohortId, input.userId);
	if (!place || !['enrolled', 'waitlisted', 'pending'].includes(place.status)) {
		return { ok: false, reason: 'not-found' };
	}
	await upsertWorkbookPreferences(db, {
		cohortId: input.cohortId,
		userId: input.userId,
		remindBeforeSession: input.on
	});
	return { ok: true };
}
