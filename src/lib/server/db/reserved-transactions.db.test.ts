import { drizzle } from 'drizzle-orm/postgres-js';
import { sql as q } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptions, type DbHandle } from './client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { withReservedTransactions } from './reserved-transactions.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
	await h.raw`create table tx_probe (n int not null)`;
});
afterAll(async () => {
	await h?.close();
});

/* A client on the test database; `max_pipeline: 0` makes the library's bug certain (#1210). */
function client(opts: { max: number; max_pipeline?: number }) {
	const o = clientOptions(h.url);
	return postgres(o.url, {
		...opts,
		onnotice: () => {},
		...(o.host ? { host: o.host, port: o.port } : {})
	});
}

const count = async () => Number((await h.raw`select count(*)::int as n from tx_probe`)[0].n);

describe(withReservedTransactions.name, () => {
	it('the library alone sends BEGIN without reserving the connection (so this stays needed until it is fixed)', async () => {
		const raw = client({ max: 2, max_pipeline: 0 });
		try {
			await expect(raw.begin((tx) => tx`select 1`)).rejects.toMatchObject({
				code: 'UNSAFE_TRANSACTION'
			});
		} finally {
			await raw.end({ timeout: 1 });
		}
	});

	it('runs Drizzle transactions on a connection of their own: commits, rolls back, nests', async () => {
		const raw = withReservedTransactions(client({ max: 2, max_pipeline: 0 }));
		const db = drizzle(raw);
		try {
			await h.raw`delete from tx_probe`;
			await db.transaction(async (tx) => {
				await tx.execute(q`insert into tx_probe values (1)`);
				// A nested transaction that fails leaves the outer one's work in place.
				await expect(
					tx.transaction(async (inner) => {
						await inner.execute(q`insert into tx_probe values (2)`);
						throw new Error('inner fails');
					})
				).rejects.toThrow('inner fails');
			});
			expect(await count()).toBe(1);
			await expect(
				db.transaction(async (tx) => {
					await tx.execute(q`insert into tx_probe values (3)`);
					throw new Error('outer fails');
				})
			).rejects.toThrow('outer fails');
			expect(await count()).toBe(1);
		} finally {
			await raw.end({ timeout: 1 });
		}
	});

	it('a burst of transactions among many plain queries on a small pool: every one commits, none fails', async () => {
		const raw = withReservedTransactions(client({ max: 3 }));
		const db = drizzle(raw);
		try {
			await h.raw`delete from tx_probe`;
			const work: Promise<unknown>[] = [];
			for (let i = 0; i < 300; i++) {
				work.push(
					db.transaction(async (tx) => {
						await tx.execute(q`select pg_advisory_xact_lock(${i % 7})`);
						await tx.execute(q`insert into tx_probe values (${i})`);
					})
				);
				for (let k = 0; k < 5; k++) work.push(raw`select ${i} as n`);
			}
			const results = await Promise.allSettled(work);
			expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
			expect(await count()).toBe(300);
			// No connection was left inside a transaction.
			const open = await raw`select count(*)::int as n from pg_stat_activity
				where datname = current_database() and state like 'idle in transaction%'`;
			expect(open[0].n).toBe(0);
		} finally {
			await raw.end({ timeout: 1 });
		}
	});

	it('sends BEGIN with its modes checked first: a mode it does not know is refused before anything runs', async () => {
		const raw = withReservedTransactions(client({ max: 2 }));
		try {
			await h.raw`delete from tx_probe`;
			await expect(
				raw.begin('isolation level whatever', async (tx) => {
					await tx`insert into tx_probe values (9)`;
				})
			).rejects.toThrow('not a transaction mode');
			expect(await count()).toBe(0);
			// The modes the code uses (backups read a consistent snapshot) pass as given.
			const level = await raw.begin('isolation level repeatable read read only', async (tx) => {
				const [r] = await tx`select current_setting('transaction_isolation') as l,
					current_setting('transaction_read_only') as ro`;
				return r;
			});
			expect(level).toEqual({ l: 'repeatable read', ro: 'on' });
			// Work that sends nothing still commits (BEGIN alone went out).
			expect(await raw.begin(async () => 'nothing sent')).toBe('nothing sent');
		} finally {
			await raw.end({ timeout: 1 });
		}
	});
});
