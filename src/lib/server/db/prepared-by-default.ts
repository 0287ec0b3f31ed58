import type { Sql } from 'postgres';

type Unsafe = Sql['unsafe'];

/*
 * A multi-row insert is a new SQL text for every number of rows, and a statement of hundreds
 * of parameters is a large tree for the server to keep on each connection: statements with
 * more parameters than this stay unprepared (they are the rare, batched ones).
 */
export const PREPARE_MAX_PARAMETERS = 32;

/**
 * Makes every query with parameters a prepared statement of its connection.
 *
 * Drizzle runs its queries through postgres.js's `unsafe` with `prepare: false` unless the
 * query was built with `.prepare(name)`. postgres.js then needs the parameters' types from
 * the server before it can bind them, so each such query costs two round trips to the
 * database (Parse/Describe, wait, then Bind/Execute) instead of one. Prepared, the types are
 * known from the connection's first run of the same SQL, and every later run is one round
 * trip. On the live room's hot paths that halves the waits on the database (issue #13; ADR 034).
 *
 * Statements are kept per connection by SQL text, and Drizzle's SQL carries placeholders,
 * not values, so their number is bounded by the code's queries (and PREPARE_MAX_PARAMETERS).
 * Queries without parameters keep the simple protocol.
 */
export function preparedByDefault<S extends Sql>(sql: S): S {
	const unsafe = sql.unsafe;
	function prepared(...a: Parameters<Unsafe>) {
		const [string, args, options] = a;
		// postgres.js also accepts (string, options): without parameters there is nothing to prepare.
		if (!Array.isArray(args) || args.length === 0 || args.length > PREPARE_MAX_PARAMETERS) {
			return unsafe(...a);
		}
		return unsafe(string, args, { ...options, prepare: true });
	}
	(sql as { unsafe: Unsafe }).unsafe = prepared as Unsafe;
	return sql;
}
