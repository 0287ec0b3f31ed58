/*
 * The pulse of a session can be answered from its start until three days after its end. It is
 * offered in the live room once the last part of the session begins, and on the schedule page
 * from the session's end for those three days.
 */
export const PULSE_DAYS = 3;

export function pulseOpen(
	s: { startsAt: Date; endsAt: Date; cancelledAt?: Date | null },
	now: Date
) {
	if (s.cancelledAt) return false;
	const t = now.getTime();
	return t >= s.startsAt.getTime() && t <= s.endsAt.getTime() + PULSE_DAYS * 86_400_000;
}

/** Offered on the schedule page: the session is over and the three days are not. */
export function pulseOffered(
	s: { startsAt: Date; endsAt: Date; cancelledAt?: Date | null },
	now: Date
) {
	return pulseOpen(s, now) && now.getTime() >= s.endsAt.getTime();
}
