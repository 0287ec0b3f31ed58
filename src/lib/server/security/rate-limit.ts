import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newToken } from './tokens.ts';

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
	const rows = await db.execute<{ count: number }>(sql`
		insert into rate_limits (id, key, count, last_request)
		values (${newToken()}, ${'form:' + key}, 1, ${now})
		on conflict (key) do update set
			count = case when rate_limits.last_request < ${windowStart} then 1 else rate_limits.count + 1 end,
			last_request = case when rate_limits.last_request < ${windowStart} then ${now} else rate_limits.last_request end
		returning count`);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: { count: number }[] }).rows) as {
		count: number;
	}[];
	return Number(list[0]?.count ?? 0) <= limit.max;
}
