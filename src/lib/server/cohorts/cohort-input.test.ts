import { describe, expect, it } from 'vitest';
import { cohortInput, intervalWarnings } from './cohort-input.ts';

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
		expect(parse({ s1_video: 'bbb', s1_url: 'https://bbb.example.org/api' })).toEqual([
			's1_secret:error_bbb_secret'
		]);
		expect(parse({ s1_video: 'link', s1_url: 'http://zoom.example.org' })).toEqual([
			's1_url:error_https_url'
		]);
		expect(
			parse({ s1_video: 'jitsi', s1_url: 'https://meet.example.org', s1_room: 'a b' })
		).toEqual(['s1_room:error_room']);
	});
});
