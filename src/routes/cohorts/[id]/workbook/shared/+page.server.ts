import { appContext } from '#lib/server/context.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { listSharedWithMe } from '#lib/server/workbook/list-shared-with-me.ts';
import type { PageServerLoad } from './$types';

/* What participants shared with the viewer right now, each marked by who shared it. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await cohortAccess(db, locals, params.id);
	const shared = await listSharedWithMe(db, { cohortId: ctx.cohort.id, viewerId: user.id });
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		entries: shared.entries.map((e) => ({
			id: e.id,
			kind: e.kind,
			sessionNumber: e.sessionNumber,
			sharing: e.sharing,
			ownerName: e.ownerName,
			fields: e.fields
		}))
	};
};
