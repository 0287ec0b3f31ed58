// `npm run restore FILE`: loads a file made by `npm run backup` into an empty data directory
// (DATA_DIR, default ./data) or an empty database (DATABASE_URL). See ADR 018.
import { createReadStream, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parseConfig } from '../src/lib/server/config.ts';
import { openDb } from '../src/lib/server/db/client.ts';
import { restoreDatabase } from '../src/lib/server/backup/restore-database.ts';
import { openTarget } from '../src/lib/server/backup/backup-target.ts';
import { failReadably } from './lib/fail-readably.ts';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run restore FILE   (a file made by "npm run backup")');
	process.exit(2);
}
if (!existsSync(file)) {
	console.error(`No such file: ${file}`);
	process.exit(2);
}

function isGzip(path: string) {
	const fd = openSync(path, 'r');
	const b = Buffer.alloc(2);
	readSync(fd, b, 0, 2, 0);
	closeSync(fd);
	return b[0] === 0x1f && b[1] === 0x8b;
}

try {
	const cfg = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
	const target = await openTarget(cfg, 'restore');
	try {
		const h = await openDb(target.url, { migrationsFolder: cfg.MIGRATIONS_DIR, max: 2 });
		try {
			const raw = createReadStream(file);
			const input = isGzip(file) ? raw.pipe(createGunzip()) : raw;
			const r = await restoreDatabase(h.raw, input);
			if (!r.ok) {
				const why = {
					'not-a-backup': `${file} is not a Trellis backup${r.detail ? ` (at: ${r.detail})` : ''}.`,
					'newer-format': `${file} was made by a newer Trellis; restore it with that version.`,
					'not-empty': `${target.where} already holds data, and a restore goes only into an empty one. Restore into a new directory (DATA_DIR=./data-restored npm run restore ${file}) or an empty database.`,
					'unknown-table': `${file} has a table (${r.detail}) that this version of Trellis does not know; restore it with the version that made it.`
				}[r.reason];
				console.error(`\n${why} Nothing was changed.\n`);
				process.exitCode = 1;
			} else {
				console.log(
					`Restored ${r.rows} rows into ${r.tables} tables of ${target.where} from ${file}.`
				);
			}
		} finally {
			await h.close();
		}
	} finally {
		await target.stop();
	}
} catch (e) {
	failReadably('The restore failed', e);
}
