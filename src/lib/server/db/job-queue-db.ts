import { sql } from 'drizzle-orm';
import { fromDrizzle, type DrizzleTransactionLike } from 'pg-boss';
import type { Tx } from './client.ts';

/**
 * pg-boss's view of a Drizzle transaction, so a job is sent in the same transaction as the
 * change that causes it (it commits or rolls back with it).
 */
export function jobQueueDbOf(tx: Tx) {
	return fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
}
