import * as m from '#lib/paraglide/messages.js';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';

/** An invitation to take a place in a cohort (the link in it is a secret for the invitee). */
export function cohortInvitation(a: CohortEmailArgs): CohortEmailPart {
	return {
		subject: m.email_cohort_invite_subject({ course: a.course }, a.o),
		lines: [
			m.email_cohort_invite_body(
				{ organisation: a.organisation, course: a.course, cohort: a.cohort },
				a.o
			)
		],
		action: m.email_invite_action({}, a.o),
		footer: m.email_invite_footer({}, a.o),
		attachAll: true,
		listSchedule: true
	};
}
