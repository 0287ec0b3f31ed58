import * as m from '#lib/paraglide/messages.js';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';

/** A session has a new date; the calendar file updates the reader's calendar. */
export function sessionMoved(
	a: CohortEmailArgs & { one: NonNullable<CohortEmailArgs['one']>; previous: string }
): CohortEmailPart {
	return {
		subject: m.email_moved_subject({ number: a.one.number, cohort: a.cohort }, a.o),
		lines: [m.email_moved_body({ ...a.one, previous: a.previous }, a.o)],
		attachAll: false,
		listSchedule: false
	};
}
