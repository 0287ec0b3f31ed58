// `npm run backup [FILE]`: one consistent copy of every table, written while the app keeps
// running, to FILE (default backups/trellis-<time>.sql.gz). See ADR 018.
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { parseConfig } from '../src/lib/server/config.ts';
import { connect } from '../src/lib/server/db/client.ts';
import { backupDatabase } from '../src/lib/server/backup/backup-database.ts';
import { openTarget } from '../src/lib/server/backup/backup-target.ts';
import { failReadably } from './lib/fail-readably.ts';

try {
	const cfg = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const file = process.argv[2] ?? `backups/trellis-${stamp}.sql.gz`;
	mkdirSync(dirname(file), { recursive: true });
	const target = await openTarget(cfg, 'backup');
	const sql = await connect(target.url, { max: 1 });
	const partial = `${file}.partial`;
	try {
		const text = new PassThrough();
		const written = pipeline(
			text,
			file.endsWith('.gz') ? createGzip() : new PassThrough(),
			createWriteStream(partial)
		);
		const r = await backupDatabase(sql, text);
		text.end();
		await written;
		// Only a complete file gets the name: an interrupted backup never looks like a good one.
		renameSync(partial, file);
		const kb = Math.round(statSync(file).size / 1024);
		console.log(
			`Backed up ${r.rows} rows from ${r.tables} tables of ${target.where} to ${file} (${kb} KB).`
		);
	} catch (e) {
		rmSync(partial, { force: true });
		throw e;
	} finally {
		await sql.end({ timeout: 5 });
		await target.stop();
	}
} catch (e) {
	failReadably('The backup failed', e);
}
