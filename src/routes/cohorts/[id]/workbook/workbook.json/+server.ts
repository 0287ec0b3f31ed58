import { appContext } from '#lib/server/context.ts';
import { requireOwnWorkbook } from '#lib/server/workbook/workbook-access.ts';
import { readWorkbook } from '#lib/server/workbook/read-workbook.ts';
import type { RequestHandler } from './$types';

/* The whole workbook of the person asking, every entry with its fields, as a download. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
	const wb = await readWorkbook(db, { cohortId: ctx.cohort.id, userId: user.id });
	const body = {
		cohort: ctx.cohort.name,
		exportedAt: new Date().toISOString(),
		mapAbout: wb.mapSubject,
		entries: wb.entries.map((e) => ({
			id: e.id,
			session: e.sessionNumber,
			kind: e.kind,
			fields: e.fields,
			sharing: e.sharing,
			version: e.version,
			createdAt: e.createdAt,
			updatedAt: e.updatedAt,
			openedBy: e.views.map((v) => ({ name: v.name, firstOpenedAt: v.firstOpenedAt }))
		})),
		mapSnapshots: wb.snapshots.map((s) => ({
			label: s.label,
			createdAt: s.createdAt,
			about: s.subject,
			ties: s.ties
		}))
	};
	return new Response(JSON.stringify(body, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="workbook.json"',
			'cache-control': 'private, no-store'
		}
	});
};
