import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { CohortSession } from './cohorts.queries.ts';

/* The join button opens this long before the start, and stays open until the end. */
export const JOIN_OPENS_MINUTES = 15;

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
 * A Jitsi room link, signed when the server uses token authentication (the app secret is
 * set): a short-lived HS256 JWT as Jitsi's token module expects, with the person's display
 * name and moderator rights for facilitators only.
 */
export async function jitsiUrl(
	s: Pick<CohortSession, 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean },
	opts: { appId?: string; now?: Date } = {}
) {
	const base = `${s.videoUrl!.replace(/\/$/, '')}/${encodeURIComponent(s.videoRoom!)}`;
	if (!s.videoSecret) return base;
	const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
	const jwt = await new SignJWT({
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
	return `${base}?jwt=${jwt}`;
}

/** Where the Join button sends a person for this session's video room. */
export async function videoJoinUrl(
	s: Pick<CohortSession, 'id' | 'videoKind' | 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean }
) {
	if (s.videoKind === 'link' && s.videoUrl) return s.videoUrl;
	if (s.videoKind === 'jitsi' && s.videoUrl && s.videoRoom) return jitsiUrl(s, person);
	if (s.videoKind === 'bbb' && s.videoUrl && s.videoSecret) {
		return bbbUrl(s.videoUrl, s.videoSecret, 'join', {
			fullName: person.name,
			meetingID: s.videoRoom ?? s.id,
			role: person.facilitator ? 'MODERATOR' : 'VIEWER',
			redirect: 'true'
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
