import type { Db } from '../db/client.ts';
import type { CoursePackage } from '../courses/validate-course-package.ts';
import { findCourseVersion } from '../courses/course-versions.queries.ts';
import { listPulseAnswers } from '../pulse/pulse.queries.ts';
import { listEvaluationResponses } from '../evaluation/evaluation.queries.ts';
import { findOutcomeSettings } from '../outcomes/outcome-settings.queries.ts';
import { listEnabledPacks } from '../evaluation/instrument-packs.queries.ts';
import { questionnaireWithPacks } from '../evaluation/questionnaire-with-packs.ts';
import { locales } from '../i18n/locale.ts';
import { buildReport } from './build-report.ts';
import {
	listCertificateCounts,
	listEnrolledMarks,
	listEnrolmentCounts,
	listReportCohorts,
	listReportSessions,
	type ReportFilter
} from './reports.queries.ts';

/**
 * The report over the organisation's cohorts that match the filter (or exactly one cohort):
 * a handful of set-based queries, then everything is counted in memory. Comments are only in
 * a single cohort's report, for its facilitators.
 */
export async function loadReport(
	db: Db,
	input: { organisationId: string; filter?: ReportFilter; cohortId?: string; now?: Date }
) {
	const all = await listReportCohorts(db, input.organisationId, input.filter ?? {});
	const cohorts = input.cohortId ? all.filter((c) => c.id === input.cohortId) : all;
	const ids = cohorts.map((c) => c.id);
	const sessions = await listReportSessions(db, ids);
	const [enrolmentCounts, marks, certificates, pulse, responses, settings, packs] = await Promise.all([
		listEnrolmentCounts(db, ids),
		listEnrolledMarks(db, ids),
		listCertificateCounts(db, ids),
		listPulseAnswers(
			db,
			sessions.map((s) => s.id)
		),
		listEvaluationResponses(db, ids),
		findOutcomeSettings(db, input.organisationId),
		listEnabledPacks(db, input.organisationId)
	]);
	// The questionnaire of the newest course version among them (the filter can narrow it).
	const newest = [...cohorts].sort((a, b) => b.version - a.version)[0];
	const pkg = newest
		? ((await findCourseVersion(db, newest.courseVersionId)).package as CoursePackage)
		: undefined;
	// With the enabled instrument packs' items, as the questionnaire showed them, so their
	// answers are summarised (reverse-keyed items reversed) and labelled by their wording.
	const full = pkg?.evaluation ? questionnaireWithPacks(pkg.evaluation, packs) : undefined;
	const questionnaire = full?.structure;
	const questionnaireText = full
		? Object.fromEntries(locales.map((l) => [l, full.text(l)]))
		: undefined;
	const report = buildReport(
		{
			cohorts,
			sessions,
			enrolmentCounts,
			marks,
			certificates,
			pulse,
			responses
		},
		{
			minGroup: settings.minGroup,
			questionnaire,
			scoring: full?.scoring,
			now: input.now ?? new Date(),
			comments: !!input.cohortId
		}
	);
	return {
		report,
		cohortIds: ids,
		minGroup: settings.minGroup,
		questionnaire,
		questionnaireText
	};
}
