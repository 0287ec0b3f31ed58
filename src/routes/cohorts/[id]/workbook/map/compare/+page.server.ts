import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireOwnWorkbook } from '#lib/server/workbook/workbook-access.ts';
import { compareMap } from '#lib/server/workbook/compare-map.ts';
import type { PageServerLoad } from './$types';

/*
 * Two of the person's own community maps side by side (a snapshot and the map now, or two
 * snapshots), chosen with a plain GET form, and what changed as a list. Owner only.
 */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db } = await appContext();
	const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
	const r = await compareMap(db, {
		cohortId: ctx.cohort.id,
		userId: user.id,
		from: url.searchParams.get('from'),
		to: url.searchParams.get('to')
	});
	if (!r.ok && r.reason === 'not-found') error(404, m.error_not_found());
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		timeZone: user.timeZone,
		compared: r.ok ? r : null
	};
};
