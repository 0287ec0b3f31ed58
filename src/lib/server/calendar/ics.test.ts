import ical from 'ical-generator';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFeed, sessionInvite, type CalendarSession } from './ics.ts';

/*
 * Every file is read back with ical.js, an independent parser, so these tests check what a
 * calendar client sees rather than the strings we meant to write.
 */

// RFC 7986 defines NAME as TEXT, and clients read X-WR-CALNAME the same way; ical.js 2.2.1
// knows neither and would return them still escaped, so teach it before parsing.
for (const name of ['name', 'x-wr-calname']) {
	ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

const ORGANISER = { name: 'Trellis', email: 'no-reply@trellis.test' };
const RECIPIENT = 'ana.novak@example.cz';
const COHORT_ID = '5b0c1f7e-2a59-4c4e-9d0b-3f1a6f0c2e11';

function session(overrides: Partial<CalendarSession> = {}): CalendarSession {
	return {
		uid: '0f9d3c1a-6d7e-4b8a-9c21-7e5f4a3b2c10',
		sequence: 0,
		title: 'Recovery-Oriented Practice — Introduction course: session 1',
		description: 'Bring your workbook.',
		// 18:00 in Prague (CET, UTC+1) on 10 March 2027.
		startsAt: new Date('2027-03-10T17:00:00Z'),
		endsAt: new Date('2027-03-10T20:00:00Z'),
		timeZone: 'Europe/Prague',
		joinUrl: `https://trellis.test/learn/${COHORT_ID}/sessions/1`,
		...overrides
	};
}

const HOUR = 60 * 60 * 1000;

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const events = calendar.getAllSubcomponents('vevent');
	return { calendar, events, event: new ICAL.Event(events[0]) };
}

/*
 * The event's start and end as instants. Both must be UTC: a TZID without VTIMEZONE (or a floating
 * time) is read in whatever zone the reader happens to be in, which only looks right by chance.
 */
function instants(event: ICAL.Event): { start: Date; end: Date } {
	expect(event.startDate.zone.tzid).toBe('UTC');
	expect(event.endDate.zone.tzid).toBe('UTC');
	return { start: event.startDate.toJSDate(), end: event.endDate.toJSDate() };
}

/* What a person in `timeZone` sees on their clock, e.g. "2027-03-10 12:00". */
function wallTime(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(instant)
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function unfold(ics: string): string {
	return ics.replace(/\r\n[ \t]/g, '');
}

function contentLines(ics: string): string[] {
	return unfold(ics).split('\r\n');
}

function propertyNames(component: ICAL.Component): string[] {
	return component
		.getAllProperties()
		.map((p) => p.name)
		.sort();
}

function invite(s: CalendarSession, opts: Partial<Parameters<typeof sessionInvite>[1]> = {}) {
	return sessionInvite(s, { organiser: ORGANISER, ...opts });
}

describe('session times', () => {
	it('writes the intended instant in UTC, shown correctly in any zone', () => {
		const s = session();
		expect(wallTime(s.startsAt, 'Europe/Prague')).toBe('2027-03-10 18:00');
		const ics = invite(s);
		expect(contentLines(ics)).toContain('DTSTART:20270310T170000Z');
		expect(contentLines(ics)).toContain('DTEND:20270310T200000Z');
		// No TZID without VTIMEZONE: clients would have to guess the zone.
		expect(ics).not.toMatch(/TZID|VTIMEZONE|X-WR-TIMEZONE/);

		const { start, end } = instants(parse(ics).event);
		expect(start.toISOString()).toBe('2027-03-10T17:00:00.000Z');
		expect(end.getTime() - start.getTime()).toBe(3 * HOUR);
		expect(wallTime(start, 'Europe/Prague')).toBe('2027-03-10 18:00');
		expect(wallTime(start, 'America/New_York')).toBe('2027-03-10 12:00');
		expect(wallTime(start, 'Asia/Tokyo')).toBe('2027-03-11 02:00');
		expect(wallTime(end, 'America/New_York')).toBe('2027-03-10 15:00');
	});

	it('keeps the instant in the weeks when only America has switched to summer time', () => {
		// 14–28 March 2027: New York is on EDT, Prague still on CET, so the gap is 5 hours, not 6.
		const s = session({
			startsAt: new Date('2027-03-17T17:00:00Z'),
			endsAt: new Date('2027-03-17T20:00:00Z')
		});
		expect(wallTime(s.startsAt, 'Europe/Prague')).toBe('2027-03-17 18:00');
		const { start } = instants(parse(invite(s)).event);
		expect(wallTime(start, 'America/New_York')).toBe('2027-03-17 13:00');
		expect(wallTime(start, 'Asia/Tokyo')).toBe('2027-03-18 02:00');
	});

	it('lasts exactly three hours across the spring-forward night in the cohort zone', () => {
		// Prague skips 02:00–03:00 on 28 March 2027: 00:30 CET to 04:30 CEST is three hours.
		const s = session({
			startsAt: new Date('2027-03-27T23:30:00Z'),
			endsAt: new Date('2027-03-28T02:30:00Z')
		});
		expect(wallTime(s.startsAt, 'Europe/Prague')).toBe('2027-03-28 00:30');
		expect(wallTime(s.endsAt, 'Europe/Prague')).toBe('2027-03-28 04:30');
		const { event } = parse(invite(s));
		const { start, end } = instants(event);
		expect(start.toISOString()).toBe('2027-03-27T23:30:00.000Z');
		expect(event.duration.toSeconds()).toBe(3 * 60 * 60);
		expect(wallTime(end, 'Europe/Prague')).toBe('2027-03-28 04:30');
		expect(wallTime(start, 'America/New_York')).toBe('2027-03-27 19:30');
		expect(wallTime(end, 'America/New_York')).toBe('2027-03-27 22:30');
		expect(wallTime(start, 'Asia/Tokyo')).toBe('2027-03-28 08:30');
		expect(wallTime(end, 'Asia/Tokyo')).toBe('2027-03-28 11:30');
	});

	it('tells apart the two 02:30s of the fall-back night in the cohort zone', () => {
		// Prague repeats 02:00–03:00 on 31 October 2027; a wall time alone would be ambiguous.
		const first = session({
			startsAt: new Date('2027-10-31T00:30:00Z'),
			endsAt: new Date('2027-10-31T03:30:00Z')
		});
		const second = session({
			startsAt: new Date('2027-10-31T01:30:00Z'),
			endsAt: new Date('2027-10-31T04:30:00Z')
		});
		expect(wallTime(first.startsAt, 'Europe/Prague')).toBe('2027-10-31 02:30');
		expect(wallTime(second.startsAt, 'Europe/Prague')).toBe('2027-10-31 02:30');
		const a = instants(parse(invite(first)).event);
		const b = instants(parse(invite(second)).event);
		expect(b.start.getTime() - a.start.getTime()).toBe(HOUR);
		expect(a.end.getTime() - a.start.getTime()).toBe(3 * HOUR);
		// The CEST one ends at 04:30 Prague time after the clocks went back: 02:30 + 3 h − 1 h.
		expect(wallTime(a.end, 'Europe/Prague')).toBe('2027-10-31 04:30');
		expect(wallTime(a.start, 'America/New_York')).toBe('2027-10-30 20:30');
		expect(wallTime(b.start, 'Asia/Tokyo')).toBe('2027-10-31 10:30');
	});

	it('rejects sessions that would produce a wrong or ambiguous file', () => {
		expect(() => invite(session({ endsAt: session().startsAt }))).toThrow(/endsAt/);
		expect(() => invite(session({ startsAt: new Date('nope') }))).toThrow(/invalid date/);
		expect(() => invite(session({ timeZone: 'Europe/Atlantis' }))).toThrow(/time zone/);
		expect(() => invite(session({ sequence: -1 }))).toThrow(/sequence/);
		expect(() => invite(session({ sequence: 1.5 }))).toThrow(/sequence/);
	});
});

describe('sessionInvite', () => {
	it('publishes a confirmed event with a stable UID, a URL and the link in the text', () => {
		const s = session();
		const { calendar, events, event } = parse(invite(s));
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Trellis//Cohort calendar//EN');
		expect(events).toHaveLength(1);
		expect(event.uid).toBe(`${s.uid}@trellis`);
		expect(event.sequence).toBe(0);
		expect(events[0].getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(events[0].getFirstPropertyValue('url')).toBe(s.joinUrl);
		expect(event.description).toBe(`Bring your workbook.\n\n${s.joinUrl}`);
		expect(event.summary).toBe(s.title);
		expect(event.organizer).toBe('mailto:no-reply@trellis.test');
		// No VALARM: reminders are our emails, not the client's.
		expect(events[0].getAllSubcomponents('valarm')).toHaveLength(0);
	});

	it('sends a date change as a higher SEQUENCE of the same UID', () => {
		const before = parse(invite(session())).event;
		const moved = session({
			sequence: 1,
			startsAt: new Date('2027-03-11T17:00:00Z'),
			endsAt: new Date('2027-03-11T20:00:00Z')
		});
		const { calendar, events, event } = parse(
			invite(moved, { method: 'REQUEST', attendeeEmail: RECIPIENT })
		);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(event.uid).toBe(before.uid);
		expect(event.sequence).toBe(1);
		expect(event.sequence).toBeGreaterThan(before.sequence);
		expect(instants(event).start.toISOString()).toBe('2027-03-11T17:00:00.000Z');
		expect(events[0].getFirstPropertyValue('status')).toBe('CONFIRMED');
	});

	it('sends a cancellation as METHOD:CANCEL and STATUS:CANCELLED', () => {
		const uid = session().uid;
		for (const ics of [
			invite(session({ sequence: 2, cancelled: true })),
			invite(session({ sequence: 2, cancelled: true }), {
				method: 'REQUEST',
				attendeeEmail: RECIPIENT
			}),
			invite(session({ sequence: 2 }), { method: 'CANCEL' })
		]) {
			const { calendar, events, event } = parse(ics);
			expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
			expect(events[0].getFirstPropertyValue('status')).toBe('CANCELLED');
			expect(events[0].getFirstPropertyValue('transp')).toBe('TRANSPARENT');
			expect(event.sequence).toBe(2);
			expect(event.uid).toBe(`${uid}@trellis`);
		}
	});

	it('names only the recipient as attendee, and nobody in a PUBLISH', () => {
		const request = invite(session(), { method: 'REQUEST', attendeeEmail: RECIPIENT });
		const attendees = parse(request).event.attendees;
		expect(attendees).toHaveLength(1);
		expect(attendees[0].getFirstValue()).toBe(`MAILTO:${RECIPIENT}`);
		const cancel = parse(invite(session({ cancelled: true }), { attendeeEmail: RECIPIENT }));
		expect(cancel.event.attendees.map((a) => a.getFirstValue())).toEqual([`MAILTO:${RECIPIENT}`]);
		// RFC 5546 forbids ATTENDEE in PUBLISH; the address must not leak there either.
		const publish = invite(session(), { attendeeEmail: RECIPIENT });
		expect(parse(publish).event.attendees).toHaveLength(0);
		expect(publish).not.toContain(RECIPIENT);
		// The only addresses anywhere in the file are the organiser's and the recipient's.
		const addresses = new Set(unfold(request).match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g));
		expect([...addresses].sort()).toEqual([RECIPIENT, ORGANISER.email].sort());
	});

	it('refuses an invitation without its recipient, and malformed addresses', () => {
		expect(() => invite(session(), { method: 'REQUEST' })).toThrow(/attendeeEmail/);
		expect(() =>
			invite(session(), { method: 'REQUEST', attendeeEmail: `${RECIPIENT}\r\nATTENDEE:x@y.z` })
		).toThrow(/Attendee email/);
		expect(() =>
			invite(session(), { organiser: { name: 'x', email: 'a@b.c";RSVP=TRUE:mailto:x@y.z' } })
		).toThrow(/Organiser email/);
	});
});

describe('calendarFeed', () => {
	const sessions = [1, 2, 3, 4].map((n) =>
		session({
			uid: `0f9d3c1a-6d7e-4b8a-9c21-7e5f4a3b2c1${n}`,
			title: `Session ${n}`,
			startsAt: new Date(Date.UTC(2027, 2, 3 + 7 * n, 17)),
			endsAt: new Date(Date.UTC(2027, 2, 3 + 7 * n, 20)),
			joinUrl: `https://trellis.test/learn/${COHORT_ID}/sessions/${n}`,
			sequence: n === 3 ? 1 : 0,
			cancelled: n === 3
		})
	);

	it('lists every session, keeping the cancelled one as CANCELLED', () => {
		const ics = calendarFeed(sessions, { name: 'Recovery-Oriented Practice' });
		const { calendar, events } = parse(ics);
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Recovery-Oriented Practice');
		expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
		expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT6H');
		expect(events).toHaveLength(4);
		const parsed = events.map((e) => new ICAL.Event(e));
		expect(parsed.map((e) => e.uid)).toEqual(sessions.map((s) => `${s.uid}@trellis`));
		expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual([
			'CONFIRMED',
			'CONFIRMED',
			'CANCELLED',
			'CONFIRMED'
		]);
		expect(parsed.map((e) => e.sequence)).toEqual([0, 0, 1, 0]);
		expect(parsed.map((e) => instants(e).start.toISOString())).toEqual(
			sessions.map((s) => s.startsAt.toISOString())
		);
		// A feed is shared by nobody but its owner, yet still carries no people at all.
		expect(events.every((e) => !e.hasProperty('attendee') && !e.hasProperty('organizer'))).toBe(
			true
		);
	});

	it('uses the same UID as the emailed files, so clients merge them', () => {
		const fromFeed = parse(calendarFeed(sessions, { name: 'x' })).events.map(
			(e) => new ICAL.Event(e).uid
		);
		const fromEmail = sessions.map((s) => parse(invite(s)).event.uid);
		expect(fromFeed).toEqual(fromEmail);
		expect(new Set(fromFeed).size).toBe(4);
	});

	it('rejects a session listed twice', () => {
		expect(() => calendarFeed([sessions[0], sessions[0]], { name: 'x' })).toThrow(/twice/);
	});

	it('handles an empty feed', () => {
		const { calendar, events } = parse(calendarFeed([], { name: 'Nothing yet' }));
		expect(events).toHaveLength(0);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Nothing yet');
	});
});

describe('text safety', () => {
	const evil = 'evil@attacker.test';

	it('knows which values ical-generator leaves unescaped', () => {
		// If a new ical-generator escapes names itself, our own escaping would double it: this
		// test then fails and tells us to drop escapeText for NAME.
		const raw = ical({ name: 'a, b\r\nX-INJECTED:1' }).toString();
		expect(raw).toContain('\r\nX-INJECTED:1\r\n');
		// SUMMARY, by contrast, is escaped by the library.
		const cal = ical();
		cal.createEvent({ start: new Date(), summary: 'a\r\nX-INJECTED:1' });
		expect(contentLines(cal.toString())).toContain('SUMMARY:a\\nX-INJECTED:1');
	});

	it('never turns text into extra properties or components', () => {
		const s = session({
			title: `Session 1\r\nATTENDEE:mailto:${evil}`,
			description: `Notes\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil\rATTENDEE:mailto:${evil}\u2028x\u0000y`,
			location: `Room 1\nORGANIZER:mailto:${evil}`
		});
		const ics = invite(s, {
			organiser: { name: `Trellis"\r\nATTENDEE:mailto:${evil}`, email: ORGANISER.email },
			productName: 'X\r\nMETHOD:REQUEST'
		});
		const { calendar, events, event } = parse(ics);
		expect(events).toHaveLength(1);
		expect(propertyNames(calendar)).toEqual(['method', 'prodid', 'version']);
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(propertyNames(events[0])).toEqual(
			[
				'description',
				'dtend',
				'dtstamp',
				'dtstart',
				'location',
				'organizer',
				'sequence',
				'status',
				'summary',
				'transp',
				'uid',
				'url'
			].sort()
		);
		expect(event.attendees).toHaveLength(0);
		expect(contentLines(ics).filter((l) => /^(ATTENDEE|BEGIN:VEVENT|UID)/.test(l))).toEqual([
			'BEGIN:VEVENT',
			`UID:${s.uid}@trellis`
		]);
		// The text survives as text: single-line fields flattened, the description kept readable.
		expect(event.summary).toBe(`Session 1 ATTENDEE:mailto:${evil}`);
		expect(event.location).toBe(`Room 1 ORGANIZER:mailto:${evil}`);
		expect(event.description).toBe(
			`Notes\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nATTENDEE:mailto:${evil}\nxy\n\n${s.joinUrl}`
		);
		expect(events[0].getFirstProperty('organizer')!.getFirstParameter('cn')).toBe(
			`Trellis" ATTENDEE:mailto:${evil}`
		);
	});

	it('escapes the feed name, which ical-generator would write verbatim', () => {
		const name = 'Cohort A, B; C\\D\r\nBEGIN:VEVENT\r\nSUMMARY:evil';
		const ics = calendarFeed([session()], { name, productName: 'Feed\r\nX-EVIL:1' });
		const { calendar, events } = parse(ics);
		expect(events).toHaveLength(1);
		expect(propertyNames(calendar)).toEqual(
			[
				'method',
				'name',
				'prodid',
				'refresh-interval',
				'version',
				'x-published-ttl',
				'x-wr-calname'
			].sort()
		);
		expect(calendar.getFirstPropertyValue('name')).toBe(
			'Cohort A, B; C\\D BEGIN:VEVENT SUMMARY:evil'
		);
		expect(contentLines(ics)).toContain(
			'X-WR-CALNAME:Cohort A\\, B\\; C\\\\D BEGIN:VEVENT SUMMARY:evil'
		);
	});

	it('rejects ids and links that could break the file or the click', () => {
		expect(() => invite(session({ uid: 'a\r\nATTENDEE:mailto:x@y.z' }))).toThrow(/uid/);
		expect(() => invite(session({ uid: 'a b' }))).toThrow(/uid/);
		expect(() => invite(session({ joinUrl: 'javascript:alert(1)' }))).toThrow(/http/);
		expect(() => invite(session({ joinUrl: '/learn/1' }))).toThrow(/absolute/);
	});

	it('keeps a URL with separators usable, where the library would corrupt it', () => {
		const s = session({ joinUrl: 'https://trellis.test/learn/x/sessions/1?ref=a,b;c\r\nX-EVIL:1' });
		const { events } = parse(invite(s));
		const url = new URL(String(events[0].getFirstPropertyValue('url')));
		expect(url.searchParams.get('ref')).toBe('a,b;cX-EVIL:1');
		expect(propertyNames(events[0])).not.toContain('x-evil');
	});
});

describe('non-ASCII text and line folding', () => {
	const title = 'Zotavení — úvodní kurz: Відновлення 🌱';
	const description =
		'Відновлення — це процес, а не пункт призначення. Zotavení je cesta, ne cíl. ' +
		'🌱🌿🌳 '.repeat(12) +
		'Přineste si pracovní sešit. Візьміть із собою робочий зошит.';

	it('round-trips Czech, Ukrainian and emoji text', () => {
		const s = session({ title, description, location: 'Online — Praha / Київ' });
		const { event } = parse(invite(s));
		expect(event.summary).toBe(title);
		expect(event.description).toBe(`${description}\n\n${s.joinUrl}`);
		expect(event.location).toBe('Online — Praha / Київ');
		const feed = parse(calendarFeed([s], { name: 'Zotavení · Відновлення' }));
		expect(feed.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Zotavení · Відновлення');
		expect(feed.event.summary).toBe(title);
	});

	it('folds lines at 75 octets without splitting a character, and unfolds to the same text', () => {
		const ics = calendarFeed([session({ title, description })], { name: 'x' });
		// CRLF everywhere, never a bare CR or LF.
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const physical = ics.split('\r\n');
		expect(physical.some((l) => l.startsWith(' '))).toBe(true);
		for (const line of physical) {
			expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
			// A surrogate pair cut in two would become two replacement characters.
			expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
			expect(line).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
		}
		const unfolded = contentLines(ics).find((l) => l.startsWith('DESCRIPTION:'));
		expect(unfolded).toBe(
			`DESCRIPTION:${description.replace(/,/g, '\\,')}\\n\\n${session().joinUrl}`
		);
		expect(parse(ics).event.description).toBe(`${description}\n\n${session().joinUrl}`);
	});
});
