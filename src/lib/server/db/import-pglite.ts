import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { resetSequences } from '../backup/backup.queries.ts';
import type { DbHandle } from './client.ts';
import type { Logger } from './embedded-postgres.ts';

/* Entries of a data directory that belong to the new layout, not to PGlite. */
const OURS =
	/^(\.trellis\.lock|postgres|postgres\.init(-.*)?|postgres\.log(\.1)?|pglite-backup-.*|\.pglite-import)$/;

/**
 * An earlier Trellis kept PGlite's files directly in the data directory. At the first start
 * of the embedded server their rows are copied into it, once:
 *
 * 1. the PGlite files are copied aside (.pglite-import) and opened there with PGlite, whose
 *    schema is brought up to date with the same migrations;
 * 2. every table of the app is copied in ONE transaction on the new server (foreign keys and
 *    triggers paused for it, sequences moved past the copied ids);
 * 3. only then are the original files moved into pglite-backup-<time>/, PG_VERSION last.
 *
 * A kill at any point leaves either the old files in place and nothing imported (the next
 * start imports again) or the rows imported and some files still to move (the next start
 * sees a non-empty database and only finishes the move). Nothing starts empty over data.
 */
export async function importPgliteData(
	dataDir: string,
	h: DbHandle,
	opts: { migrationsFolder: string; log: Logger }
): Promise<{ tables: number; rows: number } | undefined> {
	const [{ n }] = await h.raw<{ n: number }[]>`select count(*)::int as n from organisations`;
	let result: { tables: number; rows: number } | undefined;
	if (n === 0) {
		opts.log.warn({ dir: dataDir }, 'found PGlite data from an earlier Trellis: importing it');
		const work = join(dataDir, '.pglite-import');
		rmSync(work, { recursive: true, force: true });
		mkdirSync(work);
		for (const name of readdirSync(dataDir)) {
			if (!OURS.test(name)) cpSync(join(dataDir, name), join(work, name), { recursive: true });
		}
		result = await copyTables(work, h, opts.migrationsFolder);
		rmSync(work, { recursive: true, force: true });
		opts.log.warn(result, 'imported the PGlite data');
	}
	const backup = join(dataDir, `pglite-backup-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	mkdirSync(backup);
	const names = readdirSync(dataDir).filter((x) => !OURS.test(x) && x !== 'PG_VERSION');
	for (const name of [...names, 'PG_VERSION']) {
		if (existsSync(join(dataDir, name))) renameSync(join(dataDir, name), join(backup, name));
	}
	opts.log.warn(
		{ backup },
		'kept the PGlite files as a backup; delete that folder once you are sure'
	);
	return result;
}

async function copyTables(dir: string, h: DbHandle, migrationsFolder: string) {
	// PGlite is loaded only here: it is needed for nothing else any more.
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const old = new PGlite(dir);
	try {
		await migrate(drizzle(old), { migrationsFolder });
		const { rows: tables } = await old.query<{ name: string }>(
			`select table_name as name from information_schema.tables
			 where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
		);
		let rows = 0;
		await h.raw.begin(async (tx) => {
			// Rows arrive table by table, so references are checked by nobody until all are in;
			// they were valid in the source. Triggers (e.g. immutable course versions) stay quiet.
			await tx`set local session_replication_role = replica`;
			for (const { name } of tables) {
				const { rows: data } = await old.query<{ j: string }>(
					`select coalesce(json_agg(t), '[]')::text as j from "${name}" t`
				);
				const copied = await tx.unsafe(
					`insert into "${name}" overriding system value
					 select * from json_populate_recordset(null::"${name}", $1::json)`,
					[data[0].j]
				);
				rows += copied.count;
				await resetSequences(tx, name);
			}
		});
		return { tables: tables.length, rows };
	} finally {
		await old.close();
	}
}
