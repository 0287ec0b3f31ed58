import * as m from '#lib/paraglide/messages.js';
import type { Config } from '../../config.ts';
import { asLocale } from '../../i18n/locale.ts';
import { calendarFeed, sessionInvite } from '../../calendar/ics.ts';
import { calendarSession } from '../../calendar/calendar-session.ts';
import { courseTitle, sessionTitle, type CohortContext } from '../../cohorts/cohort-context.ts';
import type { CohortSession } from '../../schedule/schedule.queries.ts';
import type { EmailMessage } from '../enqueue-email.ts';
import { message } from './layout.ts';
import type { CohortEmailArgs, CohortEmailPart } from './cohort-parts.ts';
import { cohortInvitation } from './cohort-invitation.ts';
import { placeChanged } from './place-changed.ts';
import { sessionReminder } from './session-reminder.ts';
import { sessionMoved } from './session-moved.ts';
import { workbookReminder } from './workbook-reminder.ts';
import { cohortCancelled } from './cohort-cancelled.ts';

export type Recipient = { email: string; locale: string; timeZone: string };

export type CohortEmailKind =
	| 'cohort-invitation'
	| 'enrolled'
	| 'waitlisted'
	| 'promoted'
	| 'request-received'
	| 'request-refused'
	| 'reminder-24h'
	| 'reminder-1h'
	| 'workbook-reminder'
	| 'session-moved'
	| 'cohort-cancelled';

export type CohortEmailExtra = {
	url?: string;
	session?: CohortSession;
	previous?: { startsAt: Date; endsAt: Date };
	position?: number;
	/** For an invitation: the link is the invitee's secret; `viewer` (the inviter) may still read it. */
	secret?: { viewer: string | null };
};

/** "Wednesday 10 March 2027, 18:00–21:00 (Europe/Prague)" in the reader's language and zone. */
export function when(s: { startsAt: Date; endsAt: Date }, locale: string, timeZone: string) {
	const day = new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone
	}).format(s.startsAt);
	const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
	return `${day}, ${time.format(s.startsAt)}–${time.format(s.endsAt)} (${timeZone})`;
}

function organiser(cfg: Config, ctx: CohortContext) {
	const address = /<([^>]+)>/.exec(cfg.MAIL_FROM)?.[1] ?? cfg.MAIL_FROM;
	return { name: ctx.organisation, email: address };
}

function partFor(kind: CohortEmailKind, a: CohortEmailArgs): CohortEmailPart {
	switch (kind) {
		case 'cohort-invitation':
			return cohortInvitation(a);
		case 'reminder-24h':
		case 'reminder-1h':
			return sessionReminder(kind, { ...a, one: a.one! });
		case 'workbook-reminder':
			return workbookReminder({ ...a, one: a.one! });
		case 'session-moved':
			return sessionMoved({ ...a, one: a.one!, previous: a.previous! });
		case 'cohort-cancelled':
			return cohortCancelled(a);
		default:
			return placeChanged(kind, a);
	}
}

/**
 * Writes one email about a cohort, in the recipient's language and time zone, with an .ics
 * attachment whenever it concerns dates. `session` narrows it to one session (reminders, a
 * moved session); otherwise all sessions are listed and, where the kind wants it, attached.
 */
export function cohortEmail(
	cfg: Config,
	ctx: CohortContext,
	to: Recipient,
	kind: CohortEmailKind,
	extra: CohortEmailExtra = {}
): EmailMessage {
	const locale = asLocale(to.locale);
	const o = { locale };
	const tz = to.timeZone;
	const course = courseTitle(ctx, locale);
	const s = extra.session;
	const part = partFor(kind, {
		o,
		cohort: ctx.cohort.name,
		course,
		organisation: ctx.organisation,
		one: s
			? { number: s.number, title: sessionTitle(ctx, s.number, locale), when: when(s, locale, tz) }
			: undefined,
		previous: extra.previous ? when(extra.previous, locale, tz) : undefined,
		position: extra.position
	});
	const lines = [...part.lines];
	if (part.listSchedule) {
		lines.push(
			m.email_schedule_heading({}, o),
			...ctx.sessions.map((x) =>
				m.email_session_line(
					{
						number: x.number,
						title: sessionTitle(ctx, x.number, locale),
						when: when(x, locale, tz)
					},
					o
				)
			)
		);
	}
	const url = extra.url ?? `${cfg.origin}/cohorts/${ctx.cohort.id}`;
	const msg = message(
		kind,
		to.email,
		locale,
		part.subject,
		lines,
		part.action ?? m.email_cohort_action({}, o),
		url,
		part.footer ?? m.email_cohort_footer({}, o)
	);
	let ics: string | undefined;
	if (s) {
		ics = sessionInvite(calendarSession(ctx, s, locale, cfg.origin), {
			organiser: organiser(cfg, ctx)
		});
	} else if (part.attachAll) {
		ics = calendarFeed(
			ctx.sessions.map((x) => calendarSession(ctx, x, locale, cfg.origin)),
			{ name: `${course} — ${ctx.cohort.name}` }
		);
	}
	if (ics) {
		msg.attachments = [
			{ filename: `${kind}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8' }
		];
	}
	return {
		...msg,
		cohortId: ctx.cohort.id,
		secret: extra.secret ? { url, viewer: extra.secret.viewer } : undefined
	};
}
