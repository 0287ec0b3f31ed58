import type { Db } from '../db/client.ts';
import { listCrisisResources } from './crisis-resources.queries.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';

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

/** The viewer's language hints at a country to list first (cs → CZ, uk → UA). */
const LOCALE_COUNTRY: Record<string, string> = { cs: 'CZ', uk: 'UA', nl: 'NL' };

export type CrisisPanel = {
	countries: {
		code: string;
		name: string;
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
};

export async function crisisPanel(
	db: Db,
	organisationId: string,
	locale: string,
	now = new Date()
): Promise<CrisisPanel> {
	const rows = await listCrisisResources(db, organisationId);
	const names = new Intl.DisplayNames([locale], { type: 'region' });
	const byCountry = new Map<string, CrisisPanel['countries'][number]>();
	for (const r of rows) {
		const c = byCountry.get(r.country) ?? {
			code: r.country,
			name: names.of(r.country) ?? r.country,
			entries: []
		};
		c.entries.push({
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
		});
		byCountry.set(r.country, c);
	}
	const first = LOCALE_COUNTRY[locale];
	const countries = [...byCountry.values()].sort(
		(a, b) =>
			Number(b.code === first) - Number(a.code === first) || a.name.localeCompare(b.name, locale)
	);
	return { countries };
}

/** The panel of this deployment's organisation, as every page shows it. */
export async function crisisPanelHere(db: Db, locale: string) {
	return crisisPanel(db, (await currentOrganisation(db)).id, locale);
}
