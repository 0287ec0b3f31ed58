import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { preparedByDefault } from './prepared-by-default.ts';
import { withReservedTransactions } from './reserved-transactions.ts';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** Drizzle's transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What a query function runs on: the database, or a transaction a use case holds. */
export type DbOrTx = Db | Tx;
/** Where the data lives: the embedded server in DATA_DIR, or a server named by DATABASE_URL. */
export type DbKind = 'embedded' | 'postgres';
export type DbHandle = {
	db: Db;
	kind: DbKind;
	/** postgres://… of this database, for a second pool (pg-boss) or a second handle. */
	url: string;
	/** The postgres.js client, for LISTEN/NOTIFY and benchmarks. */
	raw: Sql;
	close: () => Promise<void>;
};

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/**
 * postgres.js options for a URL. A `host` query parameter (libpq's way of naming a Unix
 * socket's directory, used for the embedded server) becomes the socket path: postgres.js
 * would otherwise send it to the server as a setting, which the server refuses.
 */
export function clientOptions(url: string): { url: string; host?: string; port?: number } {
	const u = new URL(url);
	const host = u.searchParams.get('host');
	if (!host) return { url };
	u.searchParams.delete('host');
	return { url: u.toString(), host, port: Number(u.port || 5432) };
}

/** The same URL naming another database on the same server. */
export function withDatabase(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

/** A postgres.js client for `url` (a socket URL included). */
export async function connect(url: string, opts: { max?: number } = {}): Promise<Sql> {
	const { default: postgres } = await import('postgres');
	const o = clientOptions(url);
	return withReservedTransactions(
		preparedByDefault(
			postgres(o.url, {
				max: opts.max ?? 10,
				onnotice: () => {},
				...(o.host ? { host: o.host, port: o.port } : {})
			})
		)
	);
}

/**
 * Opens the database at `url` and applies the committed migrations before returning, so
 * nothing is served from an out-of-date schema.
 */
export async function openDb(
	url: string,
	opts: { migrationsFolder?: string; max?: number; migrate?: boolean; kind?: DbKind } = {}
): Promise<DbHandle> {
	const migrationsFolder = opts.migrationsFolder ?? 'drizzle';
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	const client = await connect(url, { max: opts.max });
	const db = drizzle(client, { schema });
	try {
		if (opts.migrate !== false) {
			// Two instances starting together must not both apply the same migration.
			await client.begin(async (tx) => {
				await tx`select pg_advisory_xact_lock(727274)`;
				await migrate(db, { migrationsFolder });
			});
		}
	} catch (e) {
		await client.end({ timeout: 1 });
		throw e;
	}
	return {
		db: db as unknown as Db,
		kind: opts.kind ?? 'postgres',
		url,
		raw: client,
		close: () => client.end({ timeout: 5 })
	};
}
