import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { loadReport } from '#lib/server/reports/load-report.ts';
import { reportCsv } from '#lib/server/reports/report-view.ts';
import { readReportFilter } from '#lib/server/reports/report-filter.ts';
import { recordExport } from '#lib/server/audit/record-export.ts';
import { listEnrolledPeopleOf } from '#lib/server/enrolment/enrolment.queries.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const admin = requireAdmin(locals);
	const f = readReportFilter(url.searchParams);
	if (!f.ok) error(400, m.error_report_filter());
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const { report, questionnaireText, cohortIds } = await loadReport(db, {
		organisationId: org.id,
		filter: f.filter
	});
	await recordExport(db, {
		actor: { id: admin.id, facilitator: false },
		action: 'export-report',
		target: 'programme-report.csv',
		subjects: await listEnrolledPeopleOf(db, cohortIds)
	});
	return new Response(reportCsv(report, locals.locale, questionnaireText), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="programme-report.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
