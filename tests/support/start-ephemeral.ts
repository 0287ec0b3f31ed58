// Starts the built app (scripts/start.js) on a data directory of its own that lives only as
// long as this process: the browser tests' app instances start from nothing, like the
// in-memory databases they had before, on the same embedded PostgreSQL a newcomer gets.
// SIGTERM/SIGINT are passed on; once the app has stopped, the directory is removed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
const child = spawn(process.execPath, ['scripts/start.js'], {
	stdio: 'inherit',
	env: { ...process.env, DATA_DIR: dir }
});
const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
process.on('SIGTERM', forward('SIGTERM'));
process.on('SIGINT', forward('SIGINT'));
child.on('exit', (code) => {
	rmSync(dir, { recursive: true, force: true });
	process.exit(code ?? 1);
});
