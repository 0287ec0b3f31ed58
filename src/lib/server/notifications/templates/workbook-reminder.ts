import * as m from '#lib/paraglide/messages.js';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';

/*
 * The reminder a participant asked for in their workbook, a day before a session. It points
 * to the workbook and never carries anything written in it.
 */
export function workbookReminder(
	a: CohortEmailArgs & { one: NonNullable<CohortEmailArgs['one']> }
): CohortEmailPart {
	return {
		subject: m.email_workbook_subject({ number: a.one.number, cohort: a.cohort }, a.o),
		lines: [m.email_workbook_body({ ...a.one, last: a.one.number - 1 }, a.o)],
		action: m.email_workbook_action({}, a.o),
		attachAll: false,
		listSchedule: false
	};
}
