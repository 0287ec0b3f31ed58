import { BurstLimit } from '../security/burst-limit.ts';

let limit: { scale: number; counter: BurstLimit } | undefined;

/**
 * Whether a participant's answer, vote or "I need a moment" may go ahead: 120 a minute per
 * person (times RATE_LIMIT_SCALE), counted in this process (burst-limit.ts says why).
 */
export function livePostAllowed(userId: string, scale: number) {
	if (limit?.scale !== scale) {
		limit = { scale, counter: new BurstLimit({ max: 120 * scale, windowS: 60 }) };
	}
	return limit.counter.hit(userId);
}
