import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
	attendance,
	certificates,
	cohortSessions,
	cohorts,
	courseVersions,
	enrolments
} from '../db/schema/index.ts';

export type ReportFilter = {
	from?: Date;
	until?: Date;
	courseVersionId?: string;
	locale?: string;
};

/** The organisation's cohorts whose first session falls in the filter, oldest first. */
export async function listReportCohorts(q: DbOrTx, organisationId: string, f: ReportFilter) {
	const first = sql<Date>`(select min(${cohortSessions.startsAt}) from ${cohortSessions} where ${cohortSessions.cohortId} = ${cohorts.id})`;
	const rows = await q
		.select({
			id: cohorts.id,
			name: cohorts.name,
			locale: cohorts.locale,
			courseVersionId: cohorts.courseVersionId,
			version: courseVersions.version,
			completionRule: cohorts.completionRule,
			cancelledAt: cohorts.cancelledAt,
			firstStart: first.mapWith((v) => new Date(v as string))
		})
		.from(cohorts)
		.innerJoin(courseVersions, eq(courseVersions.id, cohorts.courseVersionId))
		.where(
			and(
				eq(cohorts.organisationId, organisationId),
				f.courseVersionId ? eq(cohorts.courseVersionId, f.courseVersionId) : undefined,
				f.locale ? eq(cohorts.locale, f.locale) : undefined,
				f.from ? gte(first, f.from) : undefined,
				f.until ? lt(first, f.until) : undefined
			)
		)
		.orderBy(asc(first));
	return rows;
}

export function listReportSessions(q: DbOrTx, cohortIds: string[]) {
	if (!cohortIds.length) return Promise.resolve([]);
	return q
		.select({
			id: cohortSessions.id,
			cohortId: cohortSessions.cohortId,
			number: cohortSessions.number,
			startsAt: cohortSessions.startsAt,
			endsAt: cohortSessions.endsAt,
			cancelledAt: cohortSessions.cancelledAt
		})
		.from(cohortSessions)
		.where(inArray(cohortSessions.cohortId, cohortIds))
		.orderBy(asc(cohortSessions.number));
}

/** Places per cohort and status (enrolled, waiting, pending, left…). */
export function listEnrolmentCounts(q: DbOrTx, cohortIds: string[]) {
	if (!cohortIds.length) return Promise.resolve([]);
	return q
		.select({
			cohortId: enrolments.cohortId,
			status: enrolments.status,
			n: sql<number>`count(*)::int`
		})
		.from(enrolments)
		.where(inArray(enrolments.cohortId, cohortIds))
		.groupBy(enrolments.cohortId, enrolments.status);
}

/** Each enrolled participant's attendance marks (for attendance and completion). */
export function listEnrolledMarks(q: DbOrTx, cohortIds: string[]) {
	if (!cohortIds.length) return Promise.resolve([]);
	return q
		.select({
			cohortId: enrolments.cohortId,
			enrolmentId: enrolments.id,
			cohortSessionId: attendance.cohortSessionId,
			status: attendance.status
		})
		.from(enrolments)
		.leftJoin(attendance, eq(attendance.enrolmentId, enrolments.id))
		.where(and(inArray(enrolments.cohortId, cohortIds), eq(enrolments.status, 'enrolled')));
}

export function listCertificateCounts(q: DbOrTx, cohortIds: string[]) {
	if (!cohortIds.length) return Promise.resolve([]);
	return q
		.select({
			cohortId: certificates.cohortId,
			valid: sql<number>`count(*) filter (where ${certificates.revokedAt} is null)::int`,
			revoked: sql<number>`count(*) filter (where ${certificates.revokedAt} is not null)::int`
		})
		.from(certificates)
		.where(inArray(certificates.cohortId, cohortIds))
		.groupBy(certificates.cohortId);
}

/** The course versions the organisation's cohorts use, for the report's filter. */
export function listReportCourseVersions(q: DbOrTx, organisationId: string) {
	return q
		.selectDistinct({ id: courseVersions.id, slug: courseVersions.slug, version: courseVersions.version })
		.from(cohorts)
		.innerJoin(courseVersions, eq(courseVersions.id, cohorts.courseVersionId))
		.where(eq(cohorts.organisationId, organisationId))
		.orderBy(asc(courseVersions.version));
}
