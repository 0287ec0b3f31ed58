/*
 * How long a session lasts (ADR 029). People who can see others' data (admins and
 * facilitators) get shorter sessions: an hour without a request ends one, and none outlives a
 * working day. Participants stay signed in for a week without use, a month at most.
 */
export const SESSION_LIMITS = {
	staff: { idleS: 60 * 60, absoluteS: 12 * 60 * 60 },
	participant: { idleS: 7 * 24 * 60 * 60, absoluteS: 30 * 24 * 60 * 60 }
} as const;

/* Last-active times are written at most this often, not on every request. */
export const ACTIVITY_WRITE_S = 60;

export type SessionTimes = { createdAt: Date; lastActiveAt: Date | null; updatedAt: Date };

/** Why a session is over at `now`, or null while it lasts. */
export function sessionEnded(
	s: SessionTimes,
	staff: boolean,
	now: Date
): 'idle' | 'absolute' | null {
	const limits = staff ? SESSION_LIMITS.staff : SESSION_LIMITS.participant;
	if (now.getTime() - s.createdAt.getTime() >= limits.absoluteS * 1000) return 'absolute';
	const last = s.lastActiveAt ?? s.updatedAt;
	if (now.getTime() - last.getTime() >= limits.idleS * 1000) return 'idle';
	return null;
}
