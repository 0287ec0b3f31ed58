import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { loadReport } from '#lib/server/reports/load-report.ts';
import { reportFigures } from '#lib/server/reports/report-view.ts';
import { readReportFilter } from '#lib/server/reports/report-filter.ts';
import { listReportCourseVersions } from '#lib/server/reports/reports.queries.ts';
import type { PageServerLoad } from './$types';

// Charts and tables are complete as HTML: no framework script, no data sent twice.
export const csr = false;

/* The programme report across the organisation's groups, for admins, filtered by GET. */
export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const f = readReportFilter(url.searchParams);
	if (!f.ok) error(400, m.error_report_filter());
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const { report, minGroup, questionnaireText } = await loadReport(db, {
		organisationId: org.id,
		filter: f.filter
	});
	return {
		values: f.values,
		query: url.search,
		versions: await listReportCourseVersions(db, org.id),
		minGroup,
		report,
		figures: reportFigures(report, locals.locale, questionnaireText, minGroup)
	};
};
