import { readFileSync } from 'node:fs';
import type { Sql } from 'postgres';
import { MAIL_APP } from '../../playwright.config.ts';
import { appDataDirFile } from '../support/app-data-dir.ts';

/*
 * Test setup only: a connection to the database of the app the browser tests run against
 * (the "mail" instance). Used where a browser test needs a state that no page may create, such
 * as a group whose sessions are already over (the app rightly refuses dates in the past).
 * Answers, attendance and everything the test checks still go through the pages.
 */
export async function withAppDb<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
	const { runningServer, EMBEDDED_DATABASE } =
		await import('../../src/lib/server/db/embedded-postgres.ts');
	const { connect, withDatabase } = await import('../../src/lib/server/db/client.ts');
	const dataDir = readFileSync(appDataDirFile(new URL(MAIL_APP).port), 'utf8');
	const server = runningServer(dataDir);
	if (!server) throw new Error(`No running database in ${dataDir}`);
	const sql = await connect(withDatabase(server, EMBEDDED_DATABASE), { max: 1 });
	try {
		return await fn(sql);
	} finally {
		await sql.end();
	}
}

/**
 * Moves a group's four sessions into the past, as if the course had run: three-hour sessions,
 * four hours apart, the last one ended an hour ago. Every session's feedback (open until three
 * days after it ends) and the questionnaire after the course are then open; the one before is
 * closed. Session ids and everything else stay as the app made them.
 */
export async function moveSessionsIntoThePast(cohortId: string) {
	await withAppDb(async (sql) => {
		const rows = await sql`
			update cohort_sessions
			set starts_at = now() - make_interval(hours => 4 * (5 - number)),
				ends_at = now() - make_interval(hours => 4 * (5 - number) - 3)
			where cohort_id = ${cohortId}
			returning number`;
		if (rows.length !== 4) throw new Error(`Expected 4 sessions, moved ${rows.length}`);
	});
}
