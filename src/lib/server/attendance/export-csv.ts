import { completionOf, marksByEnrolment } from './completion.ts';
import { visibleBackground } from '../enrolment/participant-background.ts';
import type { CohortContext } from '../cohorts/cohort-context.ts';
import type { AttendanceStatus } from '../db/schema/index.ts';

/*
 * RFC 4180 CSV. Cells that a spreadsheet would treat as a formula (= + - @ and tab/CR at the
 * start) get a leading apostrophe: a participant's display name must never run in Excel.
 */
export function csvCell(v: unknown): string {
	let s = v === null || v === undefined ? '' : String(v);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: unknown[][]): string {
	// The BOM makes Excel read UTF-8 (Czech and Ukrainian names) correctly.
	return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

type Person = {
	id: string;
	status: string;
	displayName: string | null;
	name: string;
	email: string;
	pronouns: string | null;
	background: string | null;
	backgroundVisibility: string;
	accessNeeds: string | null;
	statusAt: Date;
};

export function rosterCsv(people: Person[]) {
	return toCsv([
		['name', 'email', 'status', 'pronouns', 'background', 'access_needs', 'since'],
		...people
			.filter((p) => ['enrolled', 'waitlisted', 'pending'].includes(p.status))
			.map((p) => [
				p.displayName || p.name,
				p.email,
				p.status,
				p.pronouns,
				visibleBackground(p, 'facilitator') ?? '',
				p.accessNeeds,
				p.statusAt.toISOString()
			])
	]);
}

export function attendanceCsv(
	ctx: CohortContext,
	people: Person[],
	marks: { enrolmentId: string; cohortSessionId: string; status: AttendanceStatus }[],
	now: Date
) {
	const byPerson = marksByEnrolment(marks);
	return toCsv([
		['name', 'email', ...ctx.sessions.map((s) => `session_${s.number}`), 'completion'],
		...people
			.filter((p) => p.status === 'enrolled')
			.map((p) => {
				const mm = byPerson.get(p.id) ?? new Map();
				return [
					p.displayName || p.name,
					p.email,
					...ctx.sessions.map((s) => mm.get(s.id) ?? ''),
					completionOf(ctx.cohort.completionRule, ctx.sessions, mm, now)
				];
			})
	]);
}
