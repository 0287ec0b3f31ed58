import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { rosterCsv } from '#lib/server/attendance/export-csv.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx } = await requireManager(db, locals, params.id);
	return new Response(rosterCsv(await listEnrolmentsWithPeople(db, ctx.cohort.id)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="roster.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
