import type { Db } from '../db/client.ts';
import type { CrisisResourceInput } from './crisis-resource-input.ts';
import {
	deleteCrisisResource,
	insertCrisisResource,
	updateCrisisResource
} from './crisis-resources.queries.ts';

/* Admin maintenance of the crisis list. Every change records who made it. */

export function addCrisisResource(db: Db, orgId: string, by: string, input: CrisisResourceInput) {
	return insertCrisisResource(db, orgId, { ...input, updatedBy: by });
}

export function editCrisisResource(
	db: Db,
	orgId: string,
	id: string,
	by: string,
	input: CrisisResourceInput
) {
	return updateCrisisResource(db, orgId, id, { ...input, updatedBy: by });
}

/** "I checked this today": the date and the checker's name are what pages show. */
export function markCrisisResourceVerified(
	db: Db,
	orgId: string,
	id: string,
	by: { id: string; name: string },
	now = new Date()
) {
	return updateCrisisResource(db, orgId, id, {
		lastVerifiedAt: now.toISOString().slice(0, 10),
		verifiedBy: by.name,
		updatedBy: by.id
	});
}

export function removeCrisisResource(db: Db, orgId: string, id: string) {
	return deleteCrisisResource(db, orgId, id);
}
