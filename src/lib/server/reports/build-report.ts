import { completionOf, type CompletionStatus } from '../attendance/completion.ts';
import type { Questionnaire } from '../courses/course-package.schema.ts';
import type { AttendanceStatus, CompletionRule } from '../db/schema/index.ts';
import {
	summariseEvaluation,
	type EvaluationResponse,
	type Scoring
} from '../evaluation/evaluation-summary.ts';
import { suppressComplementary } from '../outcomes/small-numbers.ts';
import { summarisePulse } from '../pulse/pulse-summary.ts';
import type { PulseValues } from '../pulse/pulse.queries.ts';

export type ReportInput = {
	cohorts: {
		id: string;
		name: string;
		locale: string;
		version: number;
		completionRule: CompletionRule;
		cancelledAt: Date | null;
		firstStart: Date;
	}[];
	sessions: {
		id: string;
		cohortId: string;
		number: number;
		startsAt: Date;
		endsAt: Date;
		cancelledAt: Date | null;
	}[];
	enrolmentCounts: { cohortId: string; status: string; n: number }[];
	marks: {
		cohortId: string;
		enrolmentId: string;
		cohortSessionId: string | null;
		status: AttendanceStatus | null;
	}[];
	certificates: { cohortId: string; valid: number; revoked: number }[];
	pulse: (PulseValues & { cohortSessionId: string })[];
	responses: (EvaluationResponse & { cohortId: string })[];
};

const ATTENDED: AttendanceStatus[] = ['present', 'late', 'left_early'];

/**
 * One report over one or many cohorts: places, attendance per session, completion,
 * certificates, the pulse per session and the pre/post change. Everything drawn from answers
 * follows the small-number rule; the pre/post change by language also hides a second group
 * when only one is too small, so no group follows from the total by subtraction.
 */
export function buildReport(
	input: ReportInput,
	opts: {
		minGroup: number;
		questionnaire?: Questionnaire;
		scoring?: Scoring;
		now: Date;
		comments: boolean;
	}
) {
	const count = (status: string) =>
		input.enrolmentCounts.filter((e) => e.status === status).reduce((s, e) => s + e.n, 0);
	const enrolment = {
		enrolled: count('enrolled'),
		waitlisted: count('waitlisted'),
		pending: count('pending'),
		left: count('left')
	};

	// Marks per enrolment, and which enrolments each cohort has.
	const byEnrolment = new Map<string, Map<string, AttendanceStatus>>();
	const enrolmentsOf = new Map<string, Set<string>>();
	for (const m of input.marks) {
		const set = enrolmentsOf.get(m.cohortId) ?? new Set<string>();
		set.add(m.enrolmentId);
		enrolmentsOf.set(m.cohortId, set);
		const mm = byEnrolment.get(m.enrolmentId) ?? new Map<string, AttendanceStatus>();
		if (m.cohortSessionId && m.status) mm.set(m.cohortSessionId, m.status);
		byEnrolment.set(m.enrolmentId, mm);
	}
	const sessionsOf = new Map<string, ReportInput['sessions']>();
	for (const s of input.sessions) {
		if (s.cancelledAt) continue;
		const list = sessionsOf.get(s.cohortId) ?? [];
		list.push(s);
		sessionsOf.set(s.cohortId, list);
	}

	const attendance = [1, 2, 3, 4].map((number) => {
		let attended = 0;
		let places = 0;
		for (const c of input.cohorts) {
			const s = sessionsOf.get(c.id)?.find((x) => x.number === number);
			if (!s) continue;
			for (const e of enrolmentsOf.get(c.id) ?? []) {
				places++;
				if (ATTENDED.includes(byEnrolment.get(e)?.get(s.id) as AttendanceStatus)) attended++;
			}
		}
		return { number, attended, places };
	});

	const completion: Record<CompletionStatus, number> = {
		completed: 0,
		not_completed: 0,
		in_progress: 0
	};
	const perCohort = input.cohorts.map((c) => {
		const own: Record<CompletionStatus, number> = { completed: 0, not_completed: 0, in_progress: 0 };
		for (const e of enrolmentsOf.get(c.id) ?? []) {
			const st = completionOf(
				c.completionRule,
				sessionsOf.get(c.id) ?? [],
				byEnrolment.get(e) ?? new Map(),
				opts.now
			);
			own[st]++;
			completion[st]++;
		}
		const n = (status: string) =>
			input.enrolmentCounts.find((e) => e.cohortId === c.id && e.status === status)?.n ?? 0;
		const cert = input.certificates.find((x) => x.cohortId === c.id);
		return {
			id: c.id,
			name: c.name,
			locale: c.locale,
			version: c.version,
			firstStart: c.firstStart,
			cancelled: !!c.cancelledAt,
			enrolled: n('enrolled'),
			waitlisted: n('waitlisted'),
			completed: own.completed,
			certificates: cert?.valid ?? 0
		};
	});
	const certificates = {
		valid: input.certificates.reduce((s, c) => s + c.valid, 0),
		revoked: input.certificates.reduce((s, c) => s + c.revoked, 0)
	};

	const sessionNumber = new Map(input.sessions.map((s) => [s.id, s.number]));
	const pulse = [1, 2, 3, 4].map((number) => ({
		number,
		summary: summarisePulse(
			input.pulse.filter((p) => sessionNumber.get(p.cohortSessionId) === number),
			opts.minGroup
		)
	}));
	if (!opts.comments) {
		for (const p of pulse) if (p.summary.shown) p.summary.comments = [];
	}

	const q = opts.questionnaire;
	const summary = q ? summariseEvaluation(q, input.responses, opts.minGroup, opts.scoring) : null;
	// Open answers are read in one group's report only, like the pulse comments.
	if (summary && !opts.comments) {
		for (const p of [summary.pre, summary.post]) if (p.shown) p.open = [];
	}
	const evaluation = summary
		? {
				preCount: input.responses.filter((r) => r.phase === 'pre').length,
				postCount: input.responses.filter((r) => r.phase === 'post').length,
				...summary
			}
		: null;

	// The paired knowledge change by the group's language, with complementary suppression.
	const locales = [...new Set(input.cohorts.map((c) => c.locale))].sort();
	const byLanguage =
		q && locales.length > 1
			? (() => {
					const rows = locales.map((locale) => {
						const ids = new Set(input.cohorts.filter((c) => c.locale === locale).map((c) => c.id));
						const s = summariseEvaluation(
							q,
							input.responses.filter((r) => ids.has(r.cohortId)),
							opts.minGroup,
							opts.scoring
						);
						return { locale, paired: s.paired };
					});
					const pairs = rows.map((r) => (r.paired.shown ? r.paired.pairs : 0));
					const totalShown = !!evaluation?.paired.shown;
					const show = suppressComplementary(pairs, opts.minGroup, totalShown);
					return rows.map((r, i) => ({
						locale: r.locale,
						change: show[i] && r.paired.shown ? r.paired.knowledge.change : null,
						pairs: show[i] && r.paired.shown ? r.paired.pairs : null
					}));
				})()
			: [];

	return {
		cohortCount: input.cohorts.length,
		enrolment,
		attendance,
		completion: {
			...completion,
			rate: enrolment.enrolled ? completion.completed / enrolment.enrolled : null
		},
		certificates,
		pulse,
		evaluation,
		byLanguage,
		perCohort
	};
}

export type Report = ReturnType<typeof buildReport>;
