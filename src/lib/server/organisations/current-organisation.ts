import type { Db } from '../db/client.ts';
import { findFirstOrganisation } from './organisations.queries.ts';

/*
 * One deployment serves one organisation today; the tables already carry organisation ids
 * so that several can share a database later without a data migration.
 */
let cached: { id: string; name: string; slug: string } | undefined;

export async function currentOrganisation(db: Db) {
	if (cached) return cached;
	const org = await findFirstOrganisation(db);
	if (!org) throw new Error('No organisation exists; start-up bootstrap did not run');
	cached = { id: org.id, name: org.name, slug: org.slug };
	return cached;
}

export function forgetCurrentOrganisation() {
	cached = undefined;
}
