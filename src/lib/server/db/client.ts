import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import lockfile from 'proper-lockfile';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';
export type DbHandle = {
	db: Db;
	kind: DbKind;
	/** The raw client, for LISTEN/NOTIFY and benchmarks. */
	raw: unknown;
	close: () => Promise<void>;
};

export class DataDirInUseError extends Error {
	readonly dir: string;
	constructor(dir: string) {
		super(
			`The data directory ${dir} is already in use by another Trellis process. ` +
				`Stop that process first, or start this one with a different DATABASE_URL (for example pglite:./data-2).`
		);
		this.dir = dir;
		this.name = 'DataDirInUseError';
	}
}

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database named by `url` and applies the committed migrations before returning,
 * so nothing is served from an out-of-date schema.
 *
 * PGlite is single-process: a lock file in its directory makes a second process fail with
 * DataDirInUseError instead of corrupting the files the first one is using.
 */
export async function openDb(
	url: string,
	opts: { migrationsFolder?: string; max?: number; migrate?: boolean } = {}
): Promise<DbHandle> {
	const migrationsFolder = opts.migrationsFolder ?? 'drizzle';
	if (isPostgresUrl(url)) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
		const db = drizzle(client, { schema });
		if (opts.migrate !== false) {
			// Two instances starting together must not both apply the same migration.
			await client.begin(async (tx) => {
				await tx`select pg_advisory_xact_lock(727274)`;
				await migrate(db, { migrationsFolder });
			});
		}
		return {
			db: db as unknown as Db,
			kind: 'postgres',
			raw: client,
			close: () => client.end({ timeout: 5 })
		};
	}

	const target = url.replace(/^pglite:/, '');
	const inMemory = target === 'memory' || target === '';
	let release: (() => Promise<void>) | undefined;
	let dir: string | undefined;
	if (!inMemory) {
		dir = resolve(target);
		mkdirSync(dir, { recursive: true });
		try {
			release = await lockfile.lock(dir, {
				lockfilePath: resolve(dir, '.trellis.lock'),
				realpath: false,
				stale: 15_000,
				update: 5_000,
				onCompromised: () => {
					/* the next start will see a stale lock and take it; nothing to do here */
				}
			});
		} catch (e) {
			if ((e as { code?: string }).code === 'ELOCKED') throw new DataDirInUseError(target);
			throw e;
		}
	}
	try {
		const { PGlite } = await import('@electric-sql/pglite');
		const { drizzle } = await import('drizzle-orm/pglite');
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		const client = dir ? new PGlite(dir) : new PGlite();
		const db = drizzle(client, { schema });
		if (opts.migrate !== false) await migrate(db, { migrationsFolder });
		return {
			db: db as unknown as Db,
			kind: 'pglite',
			raw: client,
			close: async () => {
				await client.close();
				await release?.();
			}
		};
	} catch (e) {
		await release?.();
		throw e;
	}
}
