import type { Db } from '../db/client.ts';
import { newToken } from './tokens.ts';
import { countRateLimitHit } from './rate-limit.queries.ts';

/**
 * A fixed-window counter in the database, so limits hold across app instances and restarts.
 * better-auth limits its own HTTP endpoints; this covers our form actions, which call the
 * auth API server-side and therefore bypass its limiter. Keys are prefixed "form:" so they
 * never collide with the library's rows in the same table.
 *
 * @returns true when the action may go ahead.
 */
export async function hit(
	db: Db,
	key: string,
	limit: { max: number; windowS: number },
	now = Date.now()
): Promise<boolean> {
	const windowStart = now - limit.windowS * 1000;
	return (await countRateLimitHit(db, newToken(), 'form:' + key, now, windowStart)) <= limit.max;
}
