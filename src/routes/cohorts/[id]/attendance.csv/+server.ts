import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { attendanceOf, enrolmentsWithPeople } from '#lib/server/cohorts/cohorts.queries.ts';
import { attendanceCsv } from '#lib/server/cohorts/export-csv.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx } = await requireManager(db, locals, params.id);
	const people = await enrolmentsWithPeople(db, ctx.cohort.id);
	const body = attendanceCsv(ctx, people, await attendanceOf(db, ctx.cohort.id), new Date());
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="attendance.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
