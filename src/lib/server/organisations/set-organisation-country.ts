import type { Db } from '../db/client.ts';
import { updateOrganisationCountry } from './organisations.queries.ts';

/**
 * An admin sets the country the organisation works in (an ISO code the route has checked),
 * or clears it with null. Crisis panels show its lines to people without a country of their
 * own, and the admin overview checks that it has a verified crisis line.
 */
export async function setOrganisationCountry(
	db: Db,
	organisationId: string,
	country: string | null
) {
	await updateOrganisationCountry(db, organisationId, country);
}
