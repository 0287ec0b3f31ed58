import { createHash } from 'node:crypto';
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

/** Where the Join button sends a person for this session's video room. */
export function videoJoinUrl(
	s: Pick<CohortSession, 'id' | 'videoKind' | 'videoUrl' | 'videoRoom' | 'videoSecret'>,
	person: { name: string; facilitator: boolean }
) {
	if (s.videoKind === 'link' && s.videoUrl) return s.videoUrl;
	if (s.videoKind === 'jitsi' && s.videoUrl && s.videoRoom) {
		return `${s.videoUrl.replace(/\/$/, '')}/${encodeURIComponent(s.videoRoom)}`;
	}
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
