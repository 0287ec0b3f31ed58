import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { rosterCsv } from '#lib/server/attendance/export-csv.ts';
import { recordExport } from '#lib/server/audit/record-export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user, facilitator } = await requireManager(db, locals, params.id);
	const people = await listEnrolmentsWithPeople(db, ctx.cohort.id);
	await recordExport(db, {
		actor: { id: user.id, facilitator },
		action: 'export-roster',
		target: 'roster.csv',
		subjects: people.map((p) => ({ userId: p.userId, cohortId: ctx.cohort.id }))
	});
	return new Response(rosterCsv(people), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="roster.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
