import ical, {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus,
	ICalEventTransparency,
	type ICalCalendar
} from 'ical-generator';

/*
 * iCalendar files for cohort sessions: one event per email (invitation, confirmation, reminder,
 * change, cancellation) and a private feed per participant.
 *
 * Times are written as UTC instants (DTSTART:20270310T170000Z), not as TZID wall times.
 * Participants sit in many zones, and every client (Google, Outlook, Apple, Thunderbird) shows a
 * UTC instant in the viewer's own zone without further information. A TZID is only correct
 * together with a VTIMEZONE block: ical-generator cannot produce one without an extra tz-data
 * package, and without it Outlook rejects or misplaces the event while others guess. TZID would
 * only pay off for recurring events (a weekly RRULE keeping its wall time across DST); our
 * sessions are separate one-off events, each resolved to an instant when it was scheduled, so
 * nothing is lost. The cohort's zone still matters upstream (turning "18:00 in Prague" into an
 * instant) and is validated here so a bad zone fails loudly instead of producing a feed.
 */

export type CalendarSession = {
	/** Stable per cohort session (e.g. the cohort-session uuid): clients match updates by it. */
	uid: string;
	/** Increases whenever the date changes, so clients replace the copy they already have. */
	sequence: number;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	/** The cohort's IANA zone. */
	timeZone: string;
	/** Link to the app's session page. */
	joinUrl: string;
	location?: string;
	cancelled?: boolean;
};

export type InviteMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const UID_DOMAIN = 'trellis';
const COMPANY = 'Trellis';
const DEFAULT_PRODUCT = 'Cohort calendar';
// How often subscribed clients should re-fetch the feed: a date change reaches people within
// hours, without every client polling a private URL every few minutes.
const FEED_REFRESH_SECONDS = 6 * 60 * 60;

/*
 * Sanitising. ical-generator escapes SUMMARY, DESCRIPTION, LOCATION and URL (backslash, ';', ','
 * and line breaks), but writes the calendar NAME / X-WR-CALNAME, PRODID and UID verbatim and
 * leaves other control characters in every value. We therefore clean all text ourselves and
 * escape the values it does not; the tests check both paths with injection attempts.
 */

// Every character some client might treat as the end of a line.
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
// RFC 5545 TEXT allows no control characters other than TAB (line breaks are escaped as \n).
const CONTROLS = /\p{Cc}/gu;

function multiLine(value: string): string {
	return value
		.replace(LINE_BREAKS, '\n')
		.replace(CONTROLS, (c) => (c === '\n' || c === '\t' ? c : ''))
		.trim();
}

/* Titles, names and locations: a line break there is an attack or a paste accident. */
function singleLine(value: string): string {
	return multiLine(value).replace(/\s+/g, ' ');
}

/* RFC 5545 TEXT escaping, for the values ical-generator writes without escaping. */
function escapeText(value: string): string {
	return value.replace(/[\\;,]/g, (c) => `\\${c}`);
}

/*
 * URI values are not TEXT: RFC 5545 does not unescape them, yet ical-generator escapes ',' and ';'
 * in URL, so "a,b" would reach clients as "a\,b". Percent-encoding those characters yields an
 * equivalent URL that needs no escaping. Parsing with URL also drops tabs and line breaks.
 */
function webUrl(value: string, what: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`${what} is not an absolute URL`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`${what} must be an http(s) URL`);
	}
	return url.href.replace(/[\\;,]/g, (c) => encodeURIComponent(c));
}

// Deliberately narrower than RFC 5322: anything that could break out of a mailto: value or a
// parameter (quotes, ';', ':', ',', whitespace) is rejected rather than escaped.
const EMAIL = /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*$/u;

function email(value: string, what: string): string {
	if (!EMAIL.test(value)) throw new Error(`${what} is not a plain email address`);
	return value;
}

// UID is written verbatim by ical-generator; a uuid or similar id never needs more than this.
const UID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function assertSession(s: CalendarSession): void {
	if (!UID.test(s.uid)) throw new Error(`Session uid ${JSON.stringify(s.uid)} is not a plain id`);
	if (!Number.isSafeInteger(s.sequence) || s.sequence < 0) {
		throw new Error(`Session ${s.uid}: sequence must be a non-negative integer`);
	}
	if (Number.isNaN(s.startsAt.getTime()) || Number.isNaN(s.endsAt.getTime())) {
		throw new Error(`Session ${s.uid}: invalid date`);
	}
	// ical-generator silently swaps a reversed range; a reversed range is a bug upstream.
	if (s.endsAt.getTime() <= s.startsAt.getTime()) {
		throw new Error(`Session ${s.uid}: endsAt must be after startsAt`);
	}
	try {
		new Intl.DateTimeFormat('en', { timeZone: s.timeZone });
	} catch {
		throw new Error(`Session ${s.uid}: unknown time zone ${JSON.stringify(s.timeZone)}`);
	}
}

function newCalendar(productName: string | undefined, method: ICalCalendarMethod): ICalCalendar {
	const product = escapeText(singleLine(productName ?? DEFAULT_PRODUCT)) || DEFAULT_PRODUCT;
	return ical({ prodId: `//${COMPANY}//${product}//EN`, method });
}

function addSession(cal: ICalCalendar, session: CalendarSession, cancelled: boolean) {
	assertSession(session);
	const joinUrl = webUrl(session.joinUrl, `Session ${session.uid}: joinUrl`);
	const description = multiLine(session.description);
	const location = session.location === undefined ? '' : singleLine(session.location);
	return cal.createEvent({
		id: `${session.uid}@${UID_DOMAIN}`,
		sequence: session.sequence,
		start: session.startsAt,
		end: session.endsAt,
		summary: singleLine(session.title),
		// Google Calendar does not show the URL property, so the link is in the text as well.
		description: description ? `${description}\n\n${joinUrl}` : joinUrl,
		url: joinUrl,
		location: location || null,
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		// A cancelled session that a client still displays should not block the person's time.
		transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE
	});
}

/*
 * One session as an email attachment.
 *
 * PUBLISH (default) adds the event without asking for a reply. REQUEST makes it an invitation
 * the recipient can accept; RFC 5546 requires the attendee then, so attendeeEmail is mandatory.
 * A cancelled session or method CANCEL always yields METHOD:CANCEL with STATUS:CANCELLED; send
 * it with a SEQUENCE higher than the last version the person received.
 *
 * Privacy: the only attendee ever written is the recipient (PUBLISH carries none, as RFC 5546
 * requires), so no file reveals who else is in the cohort.
 */
export function sessionInvite(
	session: CalendarSession,
	opts: {
		organiser: { name: string; email: string };
		attendeeEmail?: string;
		method?: InviteMethod;
		productName?: string;
	}
): string {
	const cancelled = session.cancelled === true || opts.method === 'CANCEL';
	const method = cancelled
		? ICalCalendarMethod.CANCEL
		: opts.method === 'REQUEST'
			? ICalCalendarMethod.REQUEST
			: ICalCalendarMethod.PUBLISH;
	if (method === ICalCalendarMethod.REQUEST && !opts.attendeeEmail) {
		throw new Error('A REQUEST invitation needs the attendeeEmail of its recipient');
	}
	const cal = newCalendar(opts.productName, method);
	const event = addSession(cal, session, cancelled);
	event.organizer({
		name: singleLine(opts.organiser.name) || COMPANY,
		email: email(opts.organiser.email, 'Organiser email')
	});
	if (opts.attendeeEmail && method !== ICalCalendarMethod.PUBLISH) {
		event.createAttendee({
			email: email(opts.attendeeEmail, 'Attendee email'),
			role: ICalAttendeeRole.REQ,
			status: method === ICalCalendarMethod.REQUEST ? ICalAttendeeStatus.NEEDSACTION : null
		});
	}
	return cal.toString();
}

/*
 * A participant's subscribable feed. Cancelled sessions stay in it with STATUS:CANCELLED:
 * dropping them would leave clients that already synced them showing the old date.
 */
export function calendarFeed(
	sessions: CalendarSession[],
	opts: { name: string; productName?: string }
): string {
	const cal = newCalendar(opts.productName, ICalCalendarMethod.PUBLISH);
	// ical-generator writes NAME and X-WR-CALNAME verbatim, so the escaping is ours.
	cal.name(escapeText(singleLine(opts.name)) || COMPANY);
	cal.ttl(FEED_REFRESH_SECONDS);
	const seen = new Set<string>();
	for (const session of sessions) {
		// Two events with one UID and no RECURRENCE-ID are invalid; clients keep an arbitrary one.
		if (seen.has(session.uid)) throw new Error(`Session ${session.uid} appears twice in the feed`);
		seen.add(session.uid);
		addSession(cal, session, session.cancelled === true);
	}
	return cal.toString();
}
