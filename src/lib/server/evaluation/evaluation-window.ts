/*
 * When the questionnaires are open: "pre" from enrolment until session 1 starts; "post" from
 * the end of session 4 (the last session) for the organisation's number of days.
 */
export type Phase = 'pre' | 'post';
export const PHASES: Phase[] = ['pre', 'post'];

type S = { number: number; startsAt: Date; endsAt: Date };

export function evaluationOpen(phase: Phase, sessions: S[], postDays: number, now: Date) {
	const t = now.getTime();
	if (phase === 'pre') {
		const first = sessions.find((s) => s.number === 1);
		return !!first && t < first.startsAt.getTime();
	}
	const last = sessions.at(-1);
	if (!last) return false;
	return t >= last.endsAt.getTime() && t <= last.endsAt.getTime() + postDays * 86_400_000;
}
