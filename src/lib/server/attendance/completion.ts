import type { AttendanceStatus, CompletionRule } from '../db/schema/index.ts';

export type CompletionStatus = 'in_progress' | 'completed' | 'not_completed';

/* Late and left-early still count as taking part; excused does not (the rule is about presence). */
const COUNTS: AttendanceStatus[] = ['present', 'late', 'left_early'];

/**
 * A participant's completion under the cohort's rule (default: present at 3 of 4, optionally
 * some sessions that cannot be missed). Decided as soon as the outcome cannot change;
 * otherwise in progress. The certificate feature reads this.
 */
export function completionOf(
	rule: CompletionRule,
	sessions: { id: string; number: number; endsAt: Date }[],
	marks: Map<string, AttendanceStatus>,
	now: Date
): CompletionStatus {
	const attended = (s: { id: string }) => COUNTS.includes(marks.get(s.id) as AttendanceStatus);
	const over = (s: { endsAt: Date }) => s.endsAt.getTime() <= now.getTime();
	const present = sessions.filter(attended).length;
	const open = sessions.filter((s) => !over(s) && !attended(s)).length;
	const missedRequired = sessions.some(
		(s) => rule.required.includes(s.number) && over(s) && !attended(s)
	);
	const requiredDone = sessions.filter((s) => rule.required.includes(s.number)).every(attended);
	if (missedRequired || present + open < rule.minPresent) return 'not_completed';
	if (present >= rule.minPresent && requiredDone) return 'completed';
	return 'in_progress';
}

/** Attendance rows grouped as enrolment → (session → status), the shape completion reads. */
export function marksByEnrolment(
	marks: { enrolmentId: string; cohortSessionId: string; status: AttendanceStatus }[]
) {
	const byPerson = new Map<string, Map<string, AttendanceStatus>>();
	for (const a of marks) {
		const mm = byPerson.get(a.enrolmentId) ?? new Map<string, AttendanceStatus>();
		mm.set(a.cohortSessionId, a.status);
		byPerson.set(a.enrolmentId, mm);
	}
	return byPerson;
}
