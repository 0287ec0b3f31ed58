import type { Sql } from 'postgres';
import { preparedByDefault } from './prepared-by-default.ts';

type Work = (sql: Sql) => unknown;

/**
 * postgres.js 3.4.9 can write a transaction's BEGIN on a connection that other queries are
 * pipelined on without reserving that connection for the transaction (porsager/postgres#823
 * and #1189; the fixes, #1207 and #1218, are not released). Under a burst the transaction then
 * fails with UNSAFE_TRANSACTION — seen here as a 500 when 100 facilitators acted at once in
 * `npm run bench:live` — or, worse, the connection goes back to the pool mid-transaction and
 * unrelated queries run inside it.
 *
 * Until a release fixes it, `begin` first takes a connection of its own (`reserve` waits
 * for an idle one and never pipelines onto a busy one) and sends BEGIN, COMMIT or ROLLBACK on
 * it itself. Drizzle's transactions call `begin`, so every transaction goes this way. A pool
 * of one connection keeps the library's own `begin` (a nested transaction would otherwise
 * wait for itself; the library does not pipeline across a pool of one).
 */
export function withReservedTransactions(sql: Sql): Sql {
	if (sql.options.max === 1) return sql;
	const begin = async (first: string | Work, second?: Work) => {
		const work = (typeof first === 'function' ? first : second) as Work;
		const options = typeof first === 'string' ? transactionModes(first) : '';
		// A reserved connection is a client of its own: it prepares as the pool does.
		const reserved = preparedByDefault(await sql.reserve());
		try {
			// BEGIN goes out in one write with the work's first query instead of a round trip of
			// its own. Its modes were checked above, so only a lost connection can make it fail,
			// and that fails the work's queries too (`began` throws if the work ran none).
			const began = reserved.unsafe(`begin ${options}`).execute();
			began.catch(() => {});
			let result: unknown;
			try {
				result = await inTransaction(reserved, work);
				await began;
			} catch (e) {
				// The work's error is the one to report, even if the connection is gone too.
				await reserved.unsafe('rollback').catch(() => {});
				throw e;
			}
			await reserved.unsafe('commit');
			return result;
		} finally {
			reserved.release();
		}
	};
	(sql as unknown as { begin: typeof begin }).begin = begin;
	return sql;
}

/*
 * BEGIN's modes, checked before anything is sent: a BEGIN that failed on a live connection
 * would let the query pipelined behind it run (and commit) outside any transaction.
 */
const MODES =
	/^\s*((isolation level (serializable|repeatable read|read committed|read uncommitted)|read only|read write|(not )?deferrable)\s*(,\s*|\s+|$))*$/i;
function transactionModes(options: string) {
	if (!MODES.test(options)) throw new Error(`not a transaction mode: ${options}`);
	return options.trim();
}

/* The work, with savepoints for nested transactions (Drizzle's `tx.transaction`). */
async function inTransaction(reserved: Sql, work: Work) {
	let savepoints = 0;
	const tx = Object.assign(reserved, {
		savepoint: async (nested: Work) => {
			const name = `s${savepoints++}`;
			await reserved.unsafe(`savepoint ${name}`);
			try {
				const r = await inTransaction(reserved, nested);
				await reserved.unsafe(`release savepoint ${name}`);
				return r;
			} catch (e) {
				await reserved.unsafe(`rollback to savepoint ${name}`);
				throw e;
			}
		}
	});
	const x = work(tx);
	return Array.isArray(x) ? Promise.all(x) : x;
}
