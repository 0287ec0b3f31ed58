import type { Db } from '../db/client.ts';
import { updatePeerTrainer } from './cohorts.queries.ts';

/**
 * A facilitator says whether they co-facilitate this cohort as a peer trainer (with lived
 * experience). Only they can say it of themselves; it is shown to the cohort as who they are,
 * never as a lesser role.
 */
export async function setPeerTrainer(db: Db, cohortId: string, userId: string, peer: boolean) {
	await updatePeerTrainer(db, cohortId, userId, peer);
}
