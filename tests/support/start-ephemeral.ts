// Starts the built app (scripts/start.js) on a data directory of its own that lives only as
// long as this process: the browser tests' app instances start from nothing, like the
// in-memory databases they had before, on the same embedded PostgreSQL a newcomer gets.
// SIGTERM/SIGINT are passed on; once the app has stopped, the directory is removed.
// The directory's path is left in a file named after the port (appDataDirFile), so that a
// browser test's setup can reach this instance's database (tests/e2e/app-db.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDataDirFile } from './app-data-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
const pointer = appDataDirFile(process.env.PORT ?? '3000');
writeFileSync(pointer, dir);
const child = spawn(process.execPath, ['scripts/start.js'], {
	stdio: 'inherit',
	env: { ...process.env, DATA_DIR: dir }
});
const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
process.on('SIGTERM', forward('SIGTERM'));
process.on('SIGINT', forward('SIGINT'));
child.on('exit', (code) => {
	rmSync(dir, { recursive: true, force: true });
	rmSync(pointer, { force: true });
	process.exit(code ?? 1);
});
