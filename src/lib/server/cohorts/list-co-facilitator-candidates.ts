import type { Db } from '../db/client.ts';
import { listMembers } from '../accounts/users.queries.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';

/** The organisation's other facilitators, whom a new cohort's creator may choose to co-lead it. */
export async function listCoFacilitatorCandidates(db: Db, userId: string) {
	const org = await currentOrganisation(db);
	const rows = await listMembers(db, org.id);
	return rows
		.filter((r) => r.role === 'facilitator' && r.userId !== userId)
		.map((r) => ({ userId: r.userId, name: r.name, peerTrainer: r.peerTrainer }));
}
