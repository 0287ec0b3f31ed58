import { drizzle } from 'drizzle-orm/postgres-js';
import { sql as q } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptions, type DbHandle } from './client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { PREPARE_MAX_PARAMETERS, preparedByDefault } from './prepared-by-default.ts';
import { withReservedTransactions } from './reserved-transactions.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

function client(max: number) {
	const o = clientOptions(h.url);
	return postgres(o.url, {
		max,
		onnotice: () => {},
		...(o.host ? { host: o.host, port: o.port } : {})
	});
}

/* The statements prepared on the connection that runs this (unnamed ones are not listed). */
const PREPARED = q`select statement from pg_prepared_statements`;
const statements = (rows: unknown) => (rows as { statement: string }[]).map((r) => r.statement);

describe(preparedByDefault.name, () => {
	it("Drizzle's queries alone are not prepared (so each costs postgres.js two round trips)", async () => {
		const raw = client(1);
		try {
			const db = drizzle(raw);
			await db.execute(q`select ${41}::int + 1 as n`);
			expect(statements(await db.execute(PREPARED))).not.toContainEqual(
				expect.stringContaining('select $1::int + 1')
			);
		} finally {
			await raw.end({ timeout: 1 });
		}
	});

	it('prepares every query with parameters on its connection, and the answers are the same', async () => {
		const raw = preparedByDefault(client(1));
		try {
			const db = drizzle(raw);
			for (const n of [1, 2, 3]) {
				expect(await db.execute(q`select ${n}::int + 1 as n`)).toEqual([{ n: n + 1 }]);
			}
			expect(statements(await db.execute(PREPARED))).toContainEqual(
				expect.stringContaining('select $1::int + 1')
			);
			// A statement with many parameters (a batch insert's) stays unprepared: each row count
			// would be a statement of its own for the server to keep.
			const many = Array.from({ length: PREPARE_MAX_PARAMETERS + 1 }, (_, i) => i);
			const [{ s }] = await db.execute<{ s: number }>(
				q`select ${q.join(
					many.map((n) => q`${n}::int`),
					q` + `
				)} as s`
			);
			expect(s).toBe(many.reduce((x, y) => x + y, 0));
			expect(statements(await db.execute(PREPARED))).not.toContainEqual(
				expect.stringContaining(`$${PREPARE_MAX_PARAMETERS + 1}::int`)
			);
			// Without parameters it is postgres.js's own call (the simple protocol: nothing to prepare).
			expect(await raw.unsafe('select 7 as n')).toEqual([{ n: 7 }]);
			expect(await raw.unsafe('select 8 as n', [], { prepare: false })).toEqual([{ n: 8 }]);
		} finally {
			await raw.end({ timeout: 1 });
		}
	});

	it('prepares inside transactions too, which run on a connection of their own', async () => {
		const raw = withReservedTransactions(preparedByDefault(client(2)));
		try {
			const db = drizzle(raw);
			const seen = await db.transaction(async (tx) => {
				await tx.execute(q`select ${5}::int * 2 as n`);
				return statements(await tx.execute(PREPARED));
			});
			expect(seen).toContainEqual(expect.stringContaining('select $1::int * 2'));
		} finally {
			await raw.end({ timeout: 1 });
		}
	});
});
