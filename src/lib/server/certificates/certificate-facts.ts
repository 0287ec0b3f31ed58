import type { CohortContext } from '../cohorts/cohort-context.ts';
import type { AttendanceStatus, CertificateFacts } from '../db/schema/index.ts';

/* Late and left-early count as taking part, as in the completion rule. */
const ATTENDED: AttendanceStatus[] = ['present', 'late', 'left_early'];

/**
 * The facts a certificate states, taken when it is issued: the course title in each of the
 * package's languages, the organisation, the four dates, the time attended (the scheduled
 * length of each session the person attended) and the facilitators.
 */
export function certificateFacts(
	ctx: CohortContext,
	facilitators: string[],
	marks: Map<string, AttendanceStatus>
): CertificateFacts {
	const live = ctx.sessions.filter((s) => !s.cancelledAt);
	const attended = live.filter((s) => ATTENDED.includes(marks.get(s.id) as AttendanceStatus));
	return {
		courseSlug: ctx.courseSlug,
		courseVersion: ctx.version,
		courseTitle: Object.fromEntries(
			Object.entries(ctx.pkg.text).map(([locale, t]) => [locale, t.title])
		),
		organisation: ctx.organisation,
		sessions: live.map((s) => ({
			number: s.number,
			startsAt: s.startsAt.toISOString(),
			endsAt: s.endsAt.toISOString()
		})),
		minutesAttended: attended.reduce(
			(sum, s) => sum + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
			0
		),
		sessionsAttended: attended.length,
		facilitators,
		timeZone: ctx.cohort.timeZone
	};
}

export function titleIn(facts: CertificateFacts, locale: string) {
	return facts.courseTitle[locale] ?? Object.values(facts.courseTitle)[0] ?? facts.courseSlug;
}

/** "3 h 30 min" style parts, for every rendering of the certificate. */
export function hoursAndMinutes(minutes: number) {
	return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
