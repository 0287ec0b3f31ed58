import type { Db } from '../db/client.ts';
import { updateStaffSecondFactorSetting } from './organisations.queries.ts';

/**
 * An admin decides whether admins and facilitators must have a second factor. Once chosen,
 * the choice holds whatever the deployment's default; turning it on sends every admin and
 * facilitator without an authenticator app to set one up at their next request.
 */
export async function setStaffSecondFactor(db: Db, organisationId: string, required: boolean) {
	await updateStaffSecondFactorSetting(db, organisationId, required);
}
