import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { completionOf } from './completion.ts';
import { csvCell, toCsv } from './export-csv.ts';
import { jwtVerify } from 'jose';
import { bbbUrl, jitsiEmbed, joinWindow, videoJoinUrl } from './join-session.ts';
import { cohortInput, intervalWarnings } from './cohort-input.ts';
import type { AttendanceStatus } from '../db/schema/index.ts';

const DAY = 86_400_000;
const base = new Date('2027-03-01T17:00:00Z').getTime();
const sessions = [0, 1, 2, 3].map((i) => ({
	id: `s${i + 1}`,
	number: i + 1,
	startsAt: new Date(base + i * 7 * DAY),
	endsAt: new Date(base + i * 7 * DAY + 3 * 3_600_000)
}));
const marks = (m: Record<string, AttendanceStatus>) => new Map(Object.entries(m));
const after = new Date(base + 30 * DAY);

describe('completion', () => {
	const rule = { minPresent: 3, required: [] as number[] };
	it('is completed at 3 of 4, counting late and left early, not excused', () => {
		expect(
			completionOf(rule, sessions, marks({ s1: 'present', s2: 'late', s3: 'left_early' }), after)
		).toBe('completed');
		expect(
			completionOf(rule, sessions, marks({ s1: 'present', s2: 'late', s3: 'excused' }), after)
		).toBe('not_completed');
	});
	it('stays in progress while it can still be reached, and decides as soon as it cannot', () => {
		const mid = new Date(base + 8 * DAY); // sessions 1 and 2 are over
		expect(completionOf(rule, sessions, marks({ s1: 'present' }), mid)).toBe('in_progress');
		expect(completionOf(rule, sessions, marks({}), mid)).toBe('not_completed');
	});
	it('honours sessions that cannot be missed', () => {
		const strict = { minPresent: 3, required: [4] };
		expect(
			completionOf(strict, sessions, marks({ s1: 'present', s2: 'present', s3: 'present' }), after)
		).toBe('not_completed');
		expect(
			completionOf(strict, sessions, marks({ s1: 'present', s2: 'present', s4: 'present' }), after)
		).toBe('completed');
	});
});

describe('exports', () => {
	it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('Novák, Jana')).toBe('"Novák, Jana"');
		expect(toCsv([['a', null]])).toBe('\uFEFFa,\r\n');
	});
});

describe('video rooms', () => {
	it('signs BigBlueButton calls as its API documents', () => {
		const url = bbbUrl('https://bbb.example.org/bigbluebutton/api', 'secret', 'join', {
			fullName: 'Jana',
			meetingID: 'm1'
		});
		const sum = createHash('sha1').update('joinfullName=Jana&meetingID=m1secret').digest('hex');
		expect(url).toBe(
			`https://bbb.example.org/bigbluebutton/api/join?fullName=Jana&meetingID=m1&checksum=${sum}`
		);
	});
	it('builds Jitsi and plain links, and opens the join button 15 minutes before', async () => {
		const s = { id: 'x', videoSecret: null };
		expect(
			await videoJoinUrl(
				{ ...s, videoKind: 'jitsi', videoUrl: 'https://meet.example.org/', videoRoom: 'care-1' },
				{ name: 'A', facilitator: false }
			)
		).toBe('https://meet.example.org/care-1');
		expect(
			await videoJoinUrl(
				{ ...s, videoKind: 'none', videoUrl: null, videoRoom: null },
				{ name: 'A', facilitator: false }
			)
		).toBeNull();
		const signed = (await videoJoinUrl(
			{
				id: 'x',
				videoKind: 'jitsi',
				videoUrl: 'https://meet.example.org',
				videoRoom: 'care-1',
				videoSecret: 'app-secret'
			},
			{ name: 'Jana', facilitator: false }
		))!;
		const token = new URL(signed).searchParams.get('jwt')!;
		const { payload } = await jwtVerify(token, new TextEncoder().encode('app-secret'), {
			audience: 'jitsi'
		});
		expect(payload).toMatchObject({ room: 'care-1', sub: 'meet.example.org', moderator: false });
		await expect(jwtVerify(token, new TextEncoder().encode('wrong'))).rejects.toThrow();
		// Audio first: Jitsi reads config from the fragment; BigBlueButton takes userdata
		// parameters, which are part of the signed query (the checksum covers them).
		const audio = (await videoJoinUrl(
			{ ...s, videoKind: 'jitsi', videoUrl: 'https://meet.example.org', videoRoom: 'care-1' },
			{ name: 'A', facilitator: false },
			{ audioFirst: true }
		))!;
		expect(new URL(audio).hash).toBe('#config.startAudioOnly=true&config.startWithVideoMuted=true');
		const bbb = new URL(
			(await videoJoinUrl(
				{
					id: 'x',
					videoKind: 'bbb',
					videoUrl: 'https://bbb.example.org/bigbluebutton/api/',
					videoRoom: 'm1',
					videoSecret: 'secret'
				},
				{ name: 'Jana', facilitator: false },
				{ audioFirst: true }
			))!
		);
		expect(bbb.searchParams.get('userdata-bbb_auto_share_webcam')).toBe('false');
		expect(bbb.searchParams.get('userdata-bbb_enable_video')).toBe('false');
		const query = bbb.search.slice(1).replace(/&checksum=[0-9a-f]+$/, '');
		expect(bbb.searchParams.get('checksum')).toBe(
			createHash('sha1').update(`join${query}secret`).digest('hex')
		);
		// Embedding: only a server the security policy can allow; the rest opens beside.
		const jitsi = { videoKind: 'jitsi' as const, videoRoom: 'care-1', videoSecret: null };
		const person = { name: 'A', facilitator: false };
		expect(await jitsiEmbed({ ...jitsi, videoUrl: 'https://meet.example.org/' }, person)).toEqual({
			origin: 'https://meet.example.org',
			api: 'https://meet.example.org/external_api.js',
			domain: 'meet.example.org',
			room: 'care-1',
			jwt: null
		});
		for (const bad of ['https://meet_x.example.org', 'https://[', 'http://meet.example.org']) {
			expect(await jitsiEmbed({ ...jitsi, videoUrl: bad }, person)).toBeNull();
		}
		expect(joinWindow(sessions[0], new Date(base - 16 * 60_000))).toBe('early');
		expect(joinWindow(sessions[0], new Date(base - 14 * 60_000))).toBe('open');
		expect(joinWindow(sessions[0], new Date(base + 4 * 3_600_000))).toBe('over');
	});
});

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
