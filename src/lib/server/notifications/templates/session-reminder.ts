import * as m from '#lib/paraglide/messages.js';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';

/** A day, or an hour, before a session. */
export function sessionReminder(
	kind: 'reminder-24h' | 'reminder-1h',
	a: CohortEmailArgs & { one: NonNullable<CohortEmailArgs['one']> }
): CohortEmailPart {
	const subject =
		kind === 'reminder-24h' ? m.email_reminder_24_subject : m.email_reminder_1_subject;
	return {
		subject: subject({ number: a.one.number, cohort: a.cohort }, a.o),
		lines: [m.email_reminder_body(a.one, a.o)],
		action: m.email_reminder_action({}, a.o),
		attachAll: false,
		listSchedule: false
	};
}
