import * as m from '#lib/paraglide/messages.js';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';

/** A person's place changed: enrolled, on the waiting list, moved up, request received or declined. */
export function placeChanged(
	kind: 'enrolled' | 'waitlisted' | 'promoted' | 'request-received' | 'request-refused',
	a: CohortEmailArgs
): CohortEmailPart {
	const { cohort, course, o } = a;
	switch (kind) {
		case 'enrolled':
			return {
				subject: m.email_enrolled_subject({ cohort }, o),
				lines: [m.email_enrolled_body({ cohort, course }, o)],
				attachAll: true,
				listSchedule: true
			};
		case 'waitlisted':
			return {
				subject: m.email_waitlisted_subject({ cohort }, o),
				lines: [m.email_waitlisted_body({ cohort, position: a.position ?? 1 }, o)],
				attachAll: false,
				listSchedule: true
			};
		case 'promoted':
			return {
				subject: m.email_promoted_subject({ cohort }, o),
				lines: [m.email_promoted_body({ cohort }, o)],
				attachAll: true,
				listSchedule: true
			};
		case 'request-received':
			return {
				subject: m.email_request_subject({ cohort }, o),
				lines: [m.email_request_body({ cohort }, o)],
				attachAll: false,
				listSchedule: true
			};
		case 'request-refused':
			return {
				subject: m.email_refused_subject({ cohort }, o),
				lines: [m.email_refused_body({ cohort }, o)],
				attachAll: false,
				listSchedule: true
			};
	}
}

/** Which email tells a person their new place; a request that was declined says so. */
export function placeEmailKind(status: 'enrolled' | 'waitlisted' | 'pending' | 'refused') {
	if (status === 'enrolled') return 'enrolled' as const;
	if (status === 'waitlisted') return 'waitlisted' as const;
	return status === 'pending' ? ('request-received' as const) : ('request-refused' as const);
}
