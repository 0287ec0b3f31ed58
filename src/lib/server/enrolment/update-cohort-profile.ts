import type { Db } from '../db/client.ts';
import type { Background, Visibility } from '../db/schema/index.ts';
import { updateEnrolmentProfile } from './enrolment.queries.ts';

/**
 * What a participant tells this cohort about themselves. Every field is optional, and the
 * background is shown only as far as `backgroundVisibility` allows (participant-background.ts).
 */
export async function updateCohortProfile(
	db: Db,
	enrolmentId: string,
	p: {
		displayName: string | null;
		pronouns: string | null;
		background: Background | null;
		backgroundVisibility: Visibility;
		accessNeeds: string | null;
	}
) {
	await updateEnrolmentProfile(db, enrolmentId, p);
}
