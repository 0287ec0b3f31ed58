import type { Db } from '../db/client.ts';
import { newToken } from '../security/tokens.ts';
import { setJoinToken } from './cohorts.queries.ts';

/**
 * Turns the cohort's join link on with a fresh token (so an old, leaked link stops working)
 * or off. Whether a join needs approval is the cohort's setting, unchanged here.
 */
export async function setJoinLink(db: Db, cohortId: string, on: boolean) {
	await setJoinToken(db, cohortId, on ? newToken() : null);
}
