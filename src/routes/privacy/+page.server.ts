import { appContext } from '#lib/server/context.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { privacyNoticeRows } from '#lib/server/privacy/privacy-notice.ts';
import type { PageServerLoad } from './$types';

/* The privacy notice: public, in the reader's language, no sign-in needed. */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	return {
		organisation: org?.name ?? 'Trellis',
		rows: privacyNoticeRows(locals.locale),
		signedIn: !!locals.user
	};
};
