import type { Db } from '../db/client.ts';
import type { CoursePackage } from '../courses/validate-course-package.ts';
import {
	courseVersionOf,
	sessionsOf,
	type Cohort,
	type CohortSession,
	type Tx
} from './cohorts.queries.ts';
import { eq } from 'drizzle-orm';
import { cohorts, organisations } from '../db/schema/index.ts';

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
	const [row] = await q
		.select({ cohort: cohorts, organisation: organisations.name })
		.from(cohorts)
		.innerJoin(organisations, eq(organisations.id, cohorts.organisationId))
		.where(eq(cohorts.id, cohortId));
	if (!row) return undefined;
	const version = await courseVersionOf(q, row.cohort.courseVersionId);
	const sessions = await sessionsOf(q, cohortId);
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
