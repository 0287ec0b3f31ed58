import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, openDb, withDatabase } from '../../src/lib/server/db/client.ts';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded-postgres.ts';

/*
 * Database tests run on one embedded PostgreSQL per test run (or on the server named by
 * TEST_DATABASE_URL). Here the server starts and one database is migrated as a template; each
 * test file then gets its own database copied from it (createTestDb), which takes tens of
 * milliseconds instead of applying every migration again.
 */
const TEMPLATE = `trellis_template_${process.pid}`;

declare module 'vitest' {
	export interface ProvidedContext {
		testDbAdminUrl: string;
		testDbTemplate: string;
	}
}

export default async function setup(project: TestProject) {
	const quiet = { info: () => {}, warn: () => {} };
	let adminUrl = process.env.TEST_DATABASE_URL;
	let stop = async () => {};
	let dir: string | undefined;
	if (!adminUrl) {
		dir = mkdtempSync(join(tmpdir(), 'trellis-test-pg-'));
		// Test data is thrown away: no need to wait for the disk on every commit.
		const server = await startEmbeddedPostgres({
			dataDir: dir,
			log: quiet,
			settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }
		});
		adminUrl = server.url('postgres');
		stop = server.stop;
	}
	const admin = await connect(adminUrl, { max: 1 });
	await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
	await admin.unsafe(`create database ${TEMPLATE}`);
	const h = await openDb(withDatabase(adminUrl, TEMPLATE));
	await h.close();
	project.provide('testDbAdminUrl', adminUrl);
	project.provide('testDbTemplate', TEMPLATE);
	console.log(
		`[trellis] database tests run on ${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'an embedded PostgreSQL'}`
	);
	return async () => {
		await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`).catch(() => {});
		await admin.end({ timeout: 5 });
		await stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	};
}
