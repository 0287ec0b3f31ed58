import type { SessionStructure } from './course-package.schema.ts';

/**
 * Minutes a breakout block needs besides the breakout itself: a 2-minute briefing, and 2 each
 * to open and close the rooms, since people join and return at different speeds on a video
 * platform.
 */
const BREAKOUT_OVERHEAD_MINUTES = 6;

/** The minutes of a session's agenda, block by block. */
export function agendaMinutes(st: SessionStructure) {
	return st.blocks.reduce((n, b) => n + b.minutes, 0);
}

/** A session lasts as long as the course says, and its agenda adds up to exactly that. */
export function checkSessionMinutes(
	where: string,
	st: SessionStructure,
	courseMinutes: number
): string[] {
	const errors: string[] = [];
	const total = agendaMinutes(st);
	if (st.minutes !== courseMinutes) {
		errors.push(`${where}: minutes is ${st.minutes}, the course says ${courseMinutes}`);
	}
	if (total !== st.minutes) {
		errors.push(`${where}: the agenda adds up to ${total} minutes, not ${st.minutes}`);
	}
	return errors;
}

/** A breakout fits in its block with time left to brief, open and close the rooms. */
export function checkBreakoutTime(at: string, b: SessionStructure['blocks'][number]): string[] {
	if (b.activity?.type !== 'breakout') return [];
	if (b.activity.minutes > b.minutes) return [`${at}: the breakout is longer than the block`];
	if (b.minutes - b.activity.minutes < BREAKOUT_OVERHEAD_MINUTES) {
		return [
			`${at}: the block leaves ${b.minutes - b.activity.minutes} minutes around its ${b.activity.minutes}-minute breakout; it needs ${BREAKOUT_OVERHEAD_MINUTES} (a briefing, and 2–3 minutes each to open and close the rooms)`
		];
	}
	return [];
}
