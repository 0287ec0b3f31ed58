import type { Db } from '../db/client.ts';
import { listCrisisResources } from './crisis-resources.queries.ts';
import { isStale } from './crisis-panel.ts';
import { findOrganisationCountry } from '../organisations/organisations.queries.ts';
import {
	listRunningCohortLocales,
	listRunningCohortMemberCountries
} from '../cohorts/cohorts.queries.ts';

export type CrisisCoverage = {
	organisationCountry: string | null;
	/** Countries people will look for help in that have no verified entry, sorted by code. */
	missingCountries: string[];
	/** Languages groups are held in that have no verified entry written in them. */
	missingLanguages: string[];
};

/**
 * What the admin overview warns about. The countries that matter are the organisation's and
 * those of the people in cohorts still running or ahead (a person without a country on their
 * profile counts as the organisation's); the languages are the ones those cohorts are held in.
 * A country is covered by an entry for it checked within the last CRISIS_STALE_AFTER_DAYS
 * days; a language by such an entry, for one of those countries, written in it.
 */
export async function crisisCoverage(
	db: Db,
	organisationId: string,
	now = new Date()
): Promise<CrisisCoverage> {
	const organisationCountry = await findOrganisationCountry(db, organisationId);
	const memberCountries = await listRunningCohortMemberCountries(db, organisationId, now);
	const countries = new Set(
		[organisationCountry, ...memberCountries.map((c) => c ?? organisationCountry)].filter(
			(c): c is string => !!c
		)
	);
	const languages = new Set(await listRunningCohortLocales(db, organisationId, now));
	const verified = (await listCrisisResources(db, organisationId)).filter(
		(r) => countries.has(r.country) && !isStale(r.lastVerifiedAt, now)
	);
	return {
		organisationCountry,
		missingCountries: [...countries].filter((c) => !verified.some((r) => r.country === c)).sort(),
		missingLanguages: [...languages].filter((l) => !verified.some((r) => r.locale === l)).sort()
	};
}
