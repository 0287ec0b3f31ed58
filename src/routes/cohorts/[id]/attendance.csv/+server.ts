import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { listAttendance } from '#lib/server/attendance/attendance.queries.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { attendanceCsv } from '#lib/server/attendance/export-csv.ts';
import { recordExport } from '#lib/server/audit/record-export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user, facilitator } = await requireManager(db, locals, params.id);
	const people = await listEnrolmentsWithPeople(db, ctx.cohort.id);
	await recordExport(db, {
		actor: { id: user.id, facilitator },
		action: 'export-attendance',
		target: 'attendance.csv',
		subjects: people
			.filter((p) => p.status === 'enrolled')
			.map((p) => ({ userId: p.userId, cohortId: ctx.cohort.id }))
	});
	const body = attendanceCsv(ctx, people, await listAttendance(db, ctx.cohort.id), new Date());
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="attendance.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
