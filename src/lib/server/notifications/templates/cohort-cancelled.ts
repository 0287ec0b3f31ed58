import * as m from '#lib/paraglide/messages.js';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';

/** The cohort will not take place; the calendar file cancels every session. */
export function cohortCancelled(a: CohortEmailArgs): CohortEmailPart {
	return {
		subject: m.email_cancelled_subject({ cohort: a.cohort }, a.o),
		lines: [m.email_cancelled_body({ cohort: a.cohort, organisation: a.organisation }, a.o)],
		attachAll: true,
		listSchedule: true
	};
}
