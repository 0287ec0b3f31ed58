import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { CohortSession } from '../schedule/schedule.queries.ts';
import { isPlainHttpsOrigin } from '../security/csp.ts';

/* The join button opens this long before the start, and stays open until the end. */
export const JOIN_OPENS_MINUTES = 15;

/** When the join window opens: the room's doors, JOIN_OPENS_MINUTES before the start. */
export function joinOpensAt(s: { startsAt: Date }) {
	return new Date(s.startsAt.getTime() - JOIN_OPENS_MINUTES * 60_000);
}

export function joinWindow(s: { startsAt: Date; endsAt: Date }, now: Date) {
	if (now.getTime() < s.startsAt.getTime() - JOIN_OPENS_MINUTES * 60_000) return 'early';
	if (now.getTime() > s.endsAt.getTime()) return 'over';
	return 'open';
}

/**
 * A BigBlueButton API URL: `checksum` is the SHA-1 of call name + query string + shared
 * secret, as its API documents. Used for `create` (by the server, before a facilitator
 * joins) and `join` (the participant's browser is sent there).
 */
export function bbbUrl(base: string, secret: string, call: string, params: Record<string, string>) {
	const query = new URLSearchParams(params).toString();
	const checksum = createHash('sha1')
		.update(call + query + secret)
		.digest('hex');
	const root = base.endsWith('/') ? base : `${base}/`;
	return `${root}${call}?${query}&checksum=${checksum}`;
}

/**
 * The token for a Jitsi server that uses token authentication (the app secret is set): a
 * short-lived HS256 JWT as Jitsi's token module expects, with the person's display name and
 * moderator rights for facilitators only. Without a secret the room is open: no token.
 */
export async function jitsiToken(
	s: Pick<CohortSession, 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean },
	opts: { appId?: string; now?: Date } = {}
) {
	if (!s.videoSecret) return null;
	const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
	return new SignJWT({
		room: s.videoRoom,
		context: { user: { name: person.name, moderator: person.facilitator } },
		moderator: person.facilitator
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuer(opts.appId ?? 'trellis')
		.setAudience('jitsi')
		.setSubject(new URL(s.videoUrl!).hostname)
		.setIssuedAt(now)
		.setNotBefore(now - 60)
		.setExpirationTime(now + 4 * 3600)
		.sign(new TextEncoder().encode(s.videoSecret));
}

/*
 * Audio first: Jitsi reads config overrides from the link's fragment; BigBlueButton takes
 * "userdata" join parameters. Both start with the camera off and receive no video.
 */
const JITSI_AUDIO_FIRST = '#config.startAudioOnly=true&config.startWithVideoMuted=true';
const BBB_AUDIO_FIRST = {
	'userdata-bbb_auto_share_webcam': 'false',
	'userdata-bbb_enable_video': 'false'
};

/** A Jitsi room link to open beside the panel, signed when the server wants tokens. */
export async function jitsiUrl(
	s: Pick<CohortSession, 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean },
	opts: { appId?: string; now?: Date; audioFirst?: boolean } = {}
) {
	const base = `${s.videoUrl!.replace(/\/$/, '')}/${encodeURIComponent(s.videoRoom!)}`;
	const jwt = await jitsiToken(s, person, opts);
	return `${base}${jwt ? `?jwt=${jwt}` : ''}${opts.audioFirst ? JITSI_AUDIO_FIRST : ''}`;
}

/**
 * What the live page needs to embed a Jitsi room with Jitsi's IFrame API: the script on the
 * configured server, the domain and room, and the person's token.
 */
export async function jitsiEmbed(
	s: Pick<CohortSession, 'videoKind' | 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean }
) {
	if (s.videoKind !== 'jitsi' || !s.videoUrl || !s.videoRoom) return null;
	// A server the security policy could not allow is opened beside the panel instead.
	const url = URL.parse(s.videoUrl);
	if (!url || !isPlainHttpsOrigin(url.origin)) return null;
	const root = url.href.replace(/\/$/, '');
	return {
		origin: url.origin,
		api: `${root}/external_api.js`,
		domain: url.host + url.pathname.replace(/\/$/, ''),
		room: s.videoRoom,
		jwt: await jitsiToken(s, person)
	};
}

/** Where the Join button sends a person for this session's video room. */
export async function videoJoinUrl(
	s: Pick<CohortSession, 'id' | 'videoKind' | 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean },
	opts: { audioFirst?: boolean } = {}
) {
	if (s.videoKind === 'link' && s.videoUrl) return s.videoUrl;
	if (s.videoKind === 'jitsi' && s.videoUrl && s.videoRoom) return jitsiUrl(s, person, opts);
	if (s.videoKind === 'bbb' && s.videoUrl && s.videoSecret) {
		return bbbUrl(s.videoUrl, s.videoSecret, 'join', {
			fullName: person.name,
			meetingID: s.videoRoom ?? s.id,
			role: person.facilitator ? 'MODERATOR' : 'VIEWER',
			redirect: 'true',
			...(opts.audioFirst ? BBB_AUDIO_FIRST : {})
		});
	}
	return null;
}

export function bbbCreateUrl(
	s: Pick<CohortSession, 'id' | 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	name: string
) {
	if (!s.videoUrl || !s.videoSecret) return null;
	// No recording: self-reflection and small-group time are never recorded (domain brief §6).
	return bbbUrl(s.videoUrl, s.videoSecret, 'create', {
		name,
		meetingID: s.videoRoom ?? s.id,
		record: 'false',
		allowStartStopRecording: 'false'
	});
}
