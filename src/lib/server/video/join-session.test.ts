import { describe, expect, it } from 'vitest';
import { WEEKLY_BASE, weeklySessions } from '../testing/weekly-sessions.ts';
import { createHash } from 'node:crypto';
import { jwtVerify } from 'jose';
import { bbbUrl, jitsiEmbed, joinWindow, videoJoinUrl } from './join-session.ts';

const base = WEEKLY_BASE;
const sessions = weeklySessions;

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
