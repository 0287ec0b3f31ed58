import type { Db } from '../db/client.ts';
import { listCrisisResources } from './crisis-resources.queries.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';
import { findOrganisationCountry } from '../organisations/organisations.queries.ts';
import { countryName } from '#lib/i18n/countries.ts';

/*
 * Crisis numbers change (the Dutch 113 line did in 2020). An entry not checked for this
 * many days is shown as due for re-checking; facilitators see it before a session starts.
 */
export const CRISIS_STALE_AFTER_DAYS = 180;

export function isStale(lastVerifiedAt: string, now: Date) {
	const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
	const days = (today - Date.parse(`${lastVerifiedAt}T00:00:00Z`)) / 86_400_000;
	return days > CRISIS_STALE_AFTER_DAYS;
}

export type CrisisPanel = {
	/**
	 * The viewer's countries, each under its own name: the person's own country (from their
	 * profile) first, then the organisation's. Empty when neither is known.
	 */
	countries: {
		code: string;
		name: string;
		/** At least one entry was checked within CRISIS_STALE_AFTER_DAYS. */
		verified: boolean;
		entries: {
			id: string;
			name: string;
			phone: string | null;
			chatUrl: string | null;
			hours: string;
			notes: string;
			lang: string;
			lastVerifiedAt: string;
			verifiedBy: string;
			stale: boolean;
		}[];
	}[];
	/** A signed-in person without a country of their own: the panel invites them to add it. */
	askCountry: boolean;
};

/**
 * The crisis panel for one viewer. It never presents another country's numbers as the
 * viewer's: it lists only the person's own country (their profile) and the organisation's,
 * each under its name, whatever other countries' lines the organisation keeps. A country
 * with no entry checked in the last CRISIS_STALE_AFTER_DAYS days is marked unverified, and
 * the page tells people to call the local emergency number; with no country known at all,
 * that advice is all it gives. Entries are listed whatever language they are written in: a
 * number helps anyone in its country.
 */
export async function crisisPanel(
	db: Db,
	viewer: {
		organisationId: string;
		locale: string;
		/** The person's own country, when signed in and given on their profile. */
		personCountry?: string | null;
		signedIn?: boolean;
	},
	now = new Date()
): Promise<CrisisPanel> {
	const orgCountry = await findOrganisationCountry(db, viewer.organisationId);
	const codes = [...new Set([viewer.personCountry, orgCountry].filter((c): c is string => !!c))];
	const rows = codes.length ? await listCrisisResources(db, viewer.organisationId) : [];
	const countries = codes.map((code) => {
		const entries = rows
			.filter((r) => r.country === code)
			.map((r) => ({
				id: r.id,
				name: r.name,
				phone: r.phone,
				chatUrl: r.chatUrl,
				hours: r.hours,
				notes: r.notes,
				lang: r.locale,
				lastVerifiedAt: r.lastVerifiedAt,
				verifiedBy: r.verifiedBy,
				stale: isStale(r.lastVerifiedAt, now)
			}));
		return {
			code,
			name: countryName(code, viewer.locale),
			verified: entries.some((e) => !e.stale),
			entries
		};
	});
	return { countries, askCountry: !!viewer.signedIn && !viewer.personCountry };
}

/**
 * The panel of this deployment's organisation, as every page shows it. Pass the signed-in
 * person (`locals.user`) so their own country is listed; without them only the
 * organisation's country is.
 */
export async function crisisPanelHere(
	db: Db,
	locale: string,
	person?: { country: string | null } | null
) {
	return crisisPanel(db, {
		organisationId: (await currentOrganisation(db)).id,
		locale,
		personCountry: person?.country ?? null,
		signedIn: !!person
	});
}
