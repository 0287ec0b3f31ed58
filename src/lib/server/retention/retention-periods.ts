/*
 * The retention rules that the plan, the settings form and the job share (ADR 028). Periods
 * are whole calendar months in UTC; live, workbook and evaluation data count from the end of
 * the cohort, the outbox from sending, the audit log from the event.
 */

export const COHORT_KINDS = ['live', 'workbook', 'evaluation'] as const;
export const LOG_KINDS = ['outbox', 'audit'] as const;
export const RETENTION_KINDS = [...COHORT_KINDS, ...LOG_KINDS] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];
export type LogKind = (typeof LOG_KINDS)[number];
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionPeriods = Record<RetentionKind, number>;

/*
 * Live room data serves the record of a session and the facilitators' follow-up; half a year
 * covers both. A workbook is a person's own reflection that they may want to reread: a year.
 * Evaluation compares cohorts over a programme, so two years. An email is kept only for
 * questions about delivery: three months. The audit log answers "who looked at my data",
 * which a person may ask about long after: two years.
 */
export const DEFAULT_PERIODS: RetentionPeriods = {
	live: 6,
	workbook: 12,
	evaluation: 24,
	outbox: 3,
	audit: 24
};

/*
 * The smallest periods allowed. Evaluation answers must outlive the questionnaire after the
 * course (open up to 90 days after the end), or deleting who answered would let a person
 * answer twice. Less than half a year of audit log cannot answer a data-protection request.
 */
export const MIN_MONTHS: RetentionPeriods = {
	live: 1,
	workbook: 1,
	evaluation: 4,
	outbox: 1,
	audit: 6
};
export const MAX_MONTHS = 120;

/** Days between the notice to a person and the deletion of their workbook. */
export const NOTICE_DAYS = 14;
const DAY = 86_400_000;

/* The once-only claim of a workbook notice, in `notifications`: one per cohort and person. */
export const NOTICE_KEY_PREFIX = 'retention-workbook:';
export function noticeKey(cohortId: string, userId: string) {
	return `${NOTICE_KEY_PREFIX}${cohortId}:${userId}`;
}

export function daysAfter(d: Date, days: number) {
	return new Date(d.getTime() + days * DAY);
}

/** The same instant `months` calendar months later (UTC), on the month's last day if shorter. */
export function addMonths(d: Date, months: number) {
	const r = new Date(d.getTime());
	const day = r.getUTCDate();
	r.setUTCDate(1);
	r.setUTCMonth(r.getUTCMonth() + months);
	const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
	r.setUTCDate(Math.min(day, last));
	return r;
}

export function latest(...ds: (Date | null | undefined)[]) {
	const t = Math.max(...ds.filter((d): d is Date => !!d).map((d) => d.getTime()));
	return new Date(t);
}

export function isValidPeriod(kind: RetentionKind, months: unknown) {
	return (
		typeof months === 'number' &&
		Number.isInteger(months) &&
		months >= MIN_MONTHS[kind] &&
		months <= MAX_MONTHS
	);
}
