import { appContext } from '#lib/server/context.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { loadReport } from '#lib/server/reports/load-report.ts';
import { reportFigures } from '#lib/server/reports/report-view.ts';
import type { PageServerLoad } from './$types';

// Charts and tables are complete as HTML: no framework script, no data sent twice.
export const csr = false;

/* The group's report for its facilitators (and admins): numbers, charts, suppressed answers. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx } = await requireManager(db, locals, params.id);
	const { report, minGroup, questionnaireText } = await loadReport(db, {
		organisationId: ctx.cohort.organisationId,
		cohortId: ctx.cohort.id
	});
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		minGroup,
		report: { ...report, perCohort: [] },
		figures: reportFigures(report, locals.locale, questionnaireText, minGroup)
	};
};
