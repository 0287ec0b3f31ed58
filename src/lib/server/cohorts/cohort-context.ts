import type { Db } from '../db/client.ts';
import type { CoursePackage } from '../courses/validate-course-package.ts';
import { findCourseVersion } from '../courses/course-versions.queries.ts';
import { listSessions, type CohortSession } from '../schedule/schedule.queries.ts';
import { findCohortWithOrganisation, type Cohort } from './cohorts.queries.ts';
import { type Tx } from '../db/client.ts';

export type CohortContext = {
	cohort: Cohort;
	sessions: CohortSession[];
	pkg: CoursePackage;
	courseSlug: string;
	version: number;
	organisation: string;
};

/** Everything a page or an email about one cohort needs: dates, pinned course, organisation. */
export async function loadCohortContext(
	q: Db | Tx,
	cohortId: string
): Promise<CohortContext | undefined> {
	const row = await findCohortWithOrganisation(q, cohortId);
	if (!row) return undefined;
	const version = await findCourseVersion(q, row.cohort.courseVersionId);
	const sessions = await listSessions(q, cohortId);
	return {
		cohort: row.cohort,
		sessions,
		pkg: version.package as CoursePackage,
		courseSlug: version.slug,
		version: version.version,
		organisation: row.organisation
	};
}

export function courseTitle(ctx: CohortContext, locale: string) {
	const t = ctx.pkg.text[locale] ?? ctx.pkg.text[ctx.pkg.course.sourceLocale];
	return t.title;
}

export function sessionTitle(ctx: CohortContext, n: number, locale: string) {
	const s = ctx.pkg.sessions.find((x) => x.structure.number === n);
	if (!s) return '';
	return (s.text[locale] ?? s.text[ctx.pkg.course.sourceLocale]).title;
}

/** The cohort is over once its last session has ended, or when it was cancelled. */
export function isClosed(ctx: Pick<CohortContext, 'cohort' | 'sessions'>, now: Date) {
	if (ctx.cohort.cancelledAt) return true;
	const last = ctx.sessions.at(-1);
	return !!last && last.endsAt.getTime() <= now.getTime();
}
