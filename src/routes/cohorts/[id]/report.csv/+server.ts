import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { loadReport } from '#lib/server/reports/load-report.ts';
import { reportCsv } from '#lib/server/reports/report-view.ts';
import { recordExport } from '#lib/server/audit/record-export.ts';
import { listEnrolledPeopleOf } from '#lib/server/enrolment/enrolment.queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user, facilitator } = await requireManager(db, locals, params.id);
	const { report, questionnaireText } = await loadReport(db, {
		organisationId: ctx.cohort.organisationId,
		cohortId: ctx.cohort.id
	});
	await recordExport(db, {
		actor: { id: user.id, facilitator },
		action: 'export-report',
		target: 'group-report.csv',
		subjects: await listEnrolledPeopleOf(db, [ctx.cohort.id])
	});
	return new Response(reportCsv(report, locals.locale, questionnaireText), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="group-report.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
