import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** Counts one request in `key`'s window (restarting the window once it has passed); returns the count. */
export async function countRateLimitHit(
	db: Db,
	id: string,
	key: string,
	now: number,
	windowStart: number
) {
	const rows = await db.execute<{ count: number }>(sql`
		insert into rate_limits (id, key, count, last_request)
		values (${id}, ${key}, 1, ${now})
		on conflict (key) do update set
			count = case when rate_limits.last_request < ${windowStart} then 1 else rate_limits.count + 1 end,
			last_request = case when rate_limits.last_request < ${windowStart} then ${now} else rate_limits.last_request end
		returning count`);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: { count: number }[] }).rows) as {
		count: number;
	}[];
	return Number(list[0]?.count ?? 0);
}
