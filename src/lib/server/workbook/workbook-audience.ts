import type { DbOrTx } from '../db/client.ts';
import { isFacilitatorOf } from '../cohorts/cohorts.queries.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import type { Sharing } from '#lib/workbook/kinds.ts';

/**
 * The one rule for who may read a workbook entry besides its owner. A private entry: nobody,
 * whatever their role (an organisation admin included). Shared with facilitators: the
 * facilitators of that cohort. Shared with the cohort: they and the participants who hold a
 * place in it. Asked of the database each time, so a withdrawal or a lost place counts at once.
 */
export async function audiencesOf(
	q: DbOrTx,
	cohortId: string,
	viewerId: string
): Promise<Sharing[]> {
	if (await isFacilitatorOf(q, cohortId, viewerId)) return ['facilitators', 'cohort'];
	const e = await findEnrolment(q, cohortId, viewerId);
	return e?.status === 'enrolled' ? ['cohort'] : [];
}

/** The most an entry may be shared: a difficult experience goes to facilitators at most. */
export function widestSharing(entry: { kind: string; fields: Record<string, string> }): Sharing {
	return entry.kind === 'experience' && entry.fields.difficult === 'yes'
		? 'facilitators'
		: 'cohort';
}
