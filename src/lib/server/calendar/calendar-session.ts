import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../i18n/locale.ts';
import { courseTitle, sessionTitle, type CohortContext } from '../cohorts/cohort-context.ts';
import type { CohortSession } from '../schedule/schedule.queries.ts';
import type { CalendarSession } from './ics.ts';

/**
 * One cohort session as a calendar event, titled in the reader's language. The description
 * names the group only: ics.ts adds the group's address to it (and as the URL property).
 */
export function calendarSession(
	ctx: CohortContext,
	s: CohortSession,
	locale: string,
	origin: string
): CalendarSession {
	const title = `${courseTitle(ctx, locale)} — ${m.session_heading({ number: s.number }, { locale: asLocale(locale) })}: ${sessionTitle(ctx, s.number, locale)}`;
	const url = `${origin}/cohorts/${ctx.cohort.id}`;
	return {
		uid: s.id,
		sequence: s.sequence,
		title,
		description: ctx.cohort.name,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		timeZone: ctx.cohort.timeZone,
		joinUrl: url,
		cancelled: !!s.cancelledAt || !!ctx.cohort.cancelledAt
	};
}
