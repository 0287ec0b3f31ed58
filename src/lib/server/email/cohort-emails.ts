import * as m from '#lib/paraglide/messages.js';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { asLocale } from '../i18n/locale.ts';
import { message } from './templates.ts';
import { sendEmail } from './send-email.ts';
import { calendarFeed, sessionInvite, type CalendarSession } from '../calendar/ics.ts';
import { courseTitle, sessionTitle, type CohortContext } from '../cohorts/cohort-context.ts';
import type { CohortSession } from '../schedule/schedule.queries.ts';

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
	| 'session-moved'
	| 'cohort-cancelled';

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
		description: `${ctx.cohort.name}\n${url}`,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		timeZone: ctx.cohort.timeZone,
		joinUrl: url,
		cancelled: !!s.cancelledAt || !!ctx.cohort.cancelledAt
	};
}

function organiser(cfg: Config, ctx: CohortContext) {
	const address = /<([^>]+)>/.exec(cfg.MAIL_FROM)?.[1] ?? cfg.MAIL_FROM;
	return { name: ctx.organisation, email: address };
}

/**
 * Writes and sends one email about a cohort, in the recipient's language and time zone, with
 * an .ics attachment whenever it concerns dates. `session` narrows it to one session
 * (reminders, a moved session); otherwise all sessions are listed and attached.
 */
export async function sendCohortEmail(
	db: Db,
	cfg: Config,
	ctx: CohortContext,
	to: Recipient,
	kind: CohortEmailKind,
	extra: {
		url?: string;
		session?: CohortSession;
		previous?: { startsAt: Date; endsAt: Date };
		position?: number;
	} = {}
) {
	const locale = asLocale(to.locale);
	const o = { locale };
	const tz = to.timeZone;
	const cohort = ctx.cohort.name;
	const course = courseTitle(ctx, locale);
	const schedule = ctx.sessions.map((s) =>
		m.email_session_line(
			{
				number: s.number,
				title: sessionTitle(ctx, s.number, locale),
				when: when(s, locale, tz)
			},
			o
		)
	);
	const s = extra.session;
	const one = s
		? { number: s.number, title: sessionTitle(ctx, s.number, locale), when: when(s, locale, tz) }
		: undefined;
	const url = extra.url ?? `${cfg.origin}/cohorts/${ctx.cohort.id}`;
	let subject: string;
	let lines: string[];
	let action = m.email_cohort_action({}, o);
	let footer = m.email_cohort_footer({}, o);
	let attachAll = true;
	switch (kind) {
		case 'cohort-invitation':
			subject = m.email_cohort_invite_subject({ course }, o);
			lines = [m.email_cohort_invite_body({ organisation: ctx.organisation, course, cohort }, o)];
			action = m.email_invite_action({}, o);
			footer = m.email_invite_footer({}, o);
			break;
		case 'enrolled':
			subject = m.email_enrolled_subject({ cohort }, o);
			lines = [m.email_enrolled_body({ cohort, course }, o)];
			break;
		case 'waitlisted':
			subject = m.email_waitlisted_subject({ cohort }, o);
			lines = [m.email_waitlisted_body({ cohort, position: extra.position ?? 1 }, o)];
			attachAll = false;
			break;
		case 'promoted':
			subject = m.email_promoted_subject({ cohort }, o);
			lines = [m.email_promoted_body({ cohort }, o)];
			break;
		case 'request-received':
			subject = m.email_request_subject({ cohort }, o);
			lines = [m.email_request_body({ cohort }, o)];
			attachAll = false;
			break;
		case 'request-refused':
			subject = m.email_refused_subject({ cohort }, o);
			lines = [m.email_refused_body({ cohort }, o)];
			attachAll = false;
			break;
		case 'reminder-24h':
		case 'reminder-1h':
			subject = (
				kind === 'reminder-24h' ? m.email_reminder_24_subject : m.email_reminder_1_subject
			)({ number: one!.number, cohort }, o);
			lines = [m.email_reminder_body(one!, o)];
			action = m.email_reminder_action({}, o);
			attachAll = false;
			break;
		case 'session-moved':
			subject = m.email_moved_subject({ number: one!.number, cohort }, o);
			lines = [m.email_moved_body({ ...one!, previous: when(extra.previous!, locale, tz) }, o)];
			attachAll = false;
			break;
		case 'cohort-cancelled':
			subject = m.email_cancelled_subject({ cohort }, o);
			lines = [m.email_cancelled_body({ cohort, organisation: ctx.organisation }, o)];
			break;
	}
	if (kind !== 'reminder-24h' && kind !== 'reminder-1h' && kind !== 'session-moved') {
		lines.push(m.email_schedule_heading({}, o), ...schedule);
	}
	const msg = message(kind, to.email, locale, subject, lines, action, url, footer);
	const org = organiser(cfg, ctx);
	let ics: string | undefined;
	if (s) {
		ics = sessionInvite(calendarSession(ctx, s, locale, cfg.origin), { organiser: org });
	} else if (attachAll) {
		ics = calendarFeed(
			ctx.sessions.map((x) => calendarSession(ctx, x, locale, cfg.origin)),
			{ name: `${course} — ${cohort}` }
		);
	}
	if (ics) {
		msg.attachments = [
			{ filename: `${kind}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8' }
		];
	}
	return sendEmail(db, cfg, { ...msg, cohortId: ctx.cohort.id });
}
