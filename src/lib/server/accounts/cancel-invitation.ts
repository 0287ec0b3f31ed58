import type { Db } from '../db/client.ts';
import { markInvitationCancelled } from './invitations.queries.ts';

/**
 * Withdraws an open invitation, so its link stops working. From a cohort's page only that
 * cohort's invitations can be withdrawn; accepted or already withdrawn ones are left alone.
 * @returns the address it was sent to, or undefined when there was nothing to withdraw.
 */
export async function cancelInvitation(
	db: Db,
	input: { organisationId: string; id: string; cohortId?: string; now?: Date }
) {
	const row = await markInvitationCancelled(
		db,
		input.organisationId,
		input.id,
		input.now ?? new Date(),
		input.cohortId
	);
	return row?.email;
}
