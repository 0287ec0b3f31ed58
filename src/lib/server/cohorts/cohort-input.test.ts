import { describe, expect, it } from 'vitest';
import { cohortInput, fillWeeklyRhythm, intervalWarnings, weekAfter } from './cohort-input.ts';

describe('cohort form', () => {
	const now = new Date('2027-02-01T12:00:00Z');
	const valid: Record<string, string> = {
		name: 'Spring',
		locale: 'cs',
		timeZone: 'Europe/Prague',
		capacity: '18',
		minPresent: '3',
		...Object.fromEntries(
			[1, 2, 3, 4].flatMap((n) => [
				[`s${n}_date`, `2027-03-0${n}`],
				[`s${n}_time`, '18:00']
			])
		)
	};
	const parse = (patch: Record<string, string>) => {
		const r = cohortInput({ now, minutes: [180, 180, 180, 180] }).safeParse({ ...valid, ...patch });
		return r.success ? r.data : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
	};
	it('reads dates on the cohort clock and warns (not blocks) on short gaps', () => {
		const d = parse({}) as Exclude<ReturnType<typeof parse>, string[]>;
		expect(d.sessions[0].startsAt.toISOString()).toBe('2027-03-01T17:00:00.000Z');
		expect(intervalWarnings(d.sessions).map((w) => w.kind)).toEqual(['short', 'short', 'short']);
	});
	it('refuses bad values with one message per field', () => {
		expect(parse({ capacity: '0' })).toEqual(['capacity:error_capacity']);
		expect(parse({ capacity: '1000' })).toEqual(['capacity:error_capacity']);
		expect(parse({ timeZone: 'Mars/Base' })).toEqual(['timeZone:error_time_zone']);
		expect(parse({ s1_date: '2027-01-01' })).toEqual(['s1_date:error_date_past']);
		expect(parse({ s2_date: '2027-03-01', s2_time: '20:00' })).toEqual([
			's2_date:error_session_order'
		]);
		expect(parse({ s3_date: '2027-03-28', s3_time: '02:30', s4_date: '2027-04-01' })).toEqual([
			's3_date:error_session_time'
		]);
		expect(parse({ video: 'bbb', url: 'https://bbb.example.org/api' })).toEqual([
			'secret:error_bbb_secret'
		]);
		expect(parse({ video: 'link', url: 'http://zoom.example.org' })).toEqual([
			'url:error_https_url'
		]);
		expect(
			parse({ s1_own: 'on', s1_video: 'jitsi', s1_url: 'https://meet.example.org', s1_room: 'a b' })
		).toEqual(['s1_room:error_room']);
		expect(parse({ s1_date: '' })).toEqual(['s1_date:error_required']);
	});
	it('one video room for the group; a session may have its own', () => {
		const d = parse({
			video: 'jitsi',
			url: 'https://meet.example.org',
			room: 'spring-group',
			s3_own: 'on',
			s3_video: 'link',
			s3_url: 'https://other.example.org/room',
			// fields of a session that does not override are ignored
			s2_video: 'bbb'
		}) as Exclude<ReturnType<typeof parse>, string[]>;
		expect(d.sessions.map((x) => [x.videoKind, x.videoUrl, x.videoRoom])).toEqual([
			['jitsi', 'https://meet.example.org', 'spring-group'],
			['jitsi', 'https://meet.example.org', 'spring-group'],
			['link', 'https://other.example.org/room', null],
			['jitsi', 'https://meet.example.org', 'spring-group']
		]);
	});
	it('empty later sessions follow weekly at the same time; typed ones stay', () => {
		const form = new FormData();
		form.set('s1_date', '2027-12-29');
		form.set('s1_time', '18:30');
		form.set('s3_date', '2028-01-20');
		form.set('s3_time', '10:00');
		fillWeeklyRhythm(form);
		expect([2, 3, 4].map((n) => `${form.get(`s${n}_date`)} ${form.get(`s${n}_time`)}`)).toEqual([
			'2028-01-05 18:30',
			'2028-01-20 10:00',
			'2028-01-27 10:00'
		]);
		expect(weekAfter('2027-02-25')).toBe('2027-03-04');
		expect(weekAfter('not a date')).toBeNull();
	});
});
