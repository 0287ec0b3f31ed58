import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { parseConfig, type Config } from '../config.ts';
import { connect, openDb, withDatabase, type DbHandle } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file, copied from the template that the Vitest
 * global setup migrated once (on the embedded server, or on TEST_DATABASE_URL). close()
 * drops it again.
 */
export async function createTestDb(opts: { max?: number } = {}): Promise<DbHandle> {
	const adminUrl = inject('testDbAdminUrl');
	const name = `trellis_t_${randomBytes(6).toString('hex')}`;
	const admin = await connect(adminUrl, { max: 1 });
	await admin.unsafe(`create database ${name} template ${inject('testDbTemplate')}`);
	const h = await openDb(withDatabase(adminUrl, name), { max: opts.max ?? 4, migrate: false });
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
		APP_ORIGIN: 'http://127.0.0.1:4999',
		LOG_LEVEL: 'silent',
		...overrides
	});
}
