import { appContext } from '#lib/server/context.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { privacyNoticeRows } from '#lib/server/privacy/privacy-notice-rows.ts';
import { findRetentionSettings } from '#lib/server/retention/retention-settings.queries.ts';
import { RETENTION_KINDS } from '#lib/server/retention/retention-periods.ts';
import type { PageServerLoad } from './$types';

/*
 * The privacy notice: public, in the reader's language, no sign-in needed. Its table comes
 * from the personal-data inventory (so it cannot drift from what is stored) and the periods
 * from the organisation's own retention settings.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const periods = await findRetentionSettings(db, org.id);
	return {
		organisation: org?.name ?? 'Trellis',
		rows: privacyNoticeRows(locals.locale).map((r) => ({
			purpose: r.purposeText,
			kinds: r.categories.map((c) => c.label).join(', '),
			seenBy: r.seenBy
		})),
		retention: RETENTION_KINDS.map((kind) => ({ kind, months: periods[kind] })),
		signedIn: !!locals.user
	};
};
