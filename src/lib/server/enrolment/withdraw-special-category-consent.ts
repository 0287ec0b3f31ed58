import type { Db } from '../db/client.ts';
import { updateSpecialCategoryCleared } from './enrolment.queries.ts';

/**
 * The person withdraws their consent to keeping their background and access needs in one
 * cohort: both fields are cleared at once (the background's visibility goes back to
 * "nobody") and the consent time with them. Only the person's own enrolment is passed in by
 * the route; withdrawing twice changes nothing more.
 */
export async function withdrawSpecialCategoryConsent(db: Db, enrolmentId: string) {
	const n = await updateSpecialCategoryCleared(db, enrolmentId);
	return n === 1 ? ({ ok: true } as const) : ({ ok: false, reason: 'not-found' } as const);
}
