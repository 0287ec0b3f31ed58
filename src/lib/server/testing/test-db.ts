import { randomBytes } from 'node:crypto';
import { parseConfig, type Config } from '../config.ts';
import { openDb, type DbHandle } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by TEST_DATABASE_URL (dropped again by close()).
 */
export async function createTestDb(): Promise<DbHandle> {
	const base = process.env.TEST_DATABASE_URL;
	if (!base) return openDb('pglite:memory');
	const { default: postgres } = await import('postgres');
	const name = `trellis_t_${randomBytes(6).toString('hex')}`;
	const admin = postgres(base, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(base);
	url.pathname = `/${name}`;
	const h = await openDb(url.toString(), { max: 4 });
	return {
		...h,
		close: async () => {
			await h.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

export function testConfig(overrides: Record<string, string> = {}): Config {
	return parseConfig({
		NODE_ENV: 'test',
		DATABASE_URL: 'pglite:memory',
		APP_ORIGIN: 'http://127.0.0.1:4999',
		LOG_LEVEL: 'silent',
		...overrides
	});
}

/** The URL of a test database on PostgreSQL (for a second handle or pg-boss's own pool). */
export function testDatabaseUrl(h: DbHandle): string {
	const url = new URL(process.env.TEST_DATABASE_URL!);
	url.pathname = `/${(h.raw as { options: { database: string } }).options.database}`;
	return url.toString();
}
