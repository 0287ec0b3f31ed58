import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * A PostgreSQL server process as seen from outside: the socket it listens on and the
 * postmaster.pid file it keeps in its cluster. Used to find a running embedded server (for
 * `npm run backup` beside the app) and to stop one orphaned by a hard kill.
 */

export const SOCKET_PORT = 5432; // only names the socket file: nothing listens on a network port
export const SUPERUSER = 'postgres';

export type Logger = {
	info: (obj: object, msg: string) => void;
	warn: (obj: object, msg: string) => void;
};

/**
 * A URL for a server on a Unix socket. The `host` query parameter is the socket's directory,
 * as libpq and node-postgres read it; openDb() turns it into postgres.js options.
 */
export function socketUrl(socketDir: string, port: number, database: string) {
	return `postgres://${SUPERUSER}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`;
}

/** Reads postmaster.pid: [pid, dataDir, start, port, socketDir, listen, shmem, status]. */
export function readPostmasterPid(clusterDir: string): string[] | undefined {
	try {
		return readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
	} catch {
		return undefined;
	}
}

export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Is `pid` a postgres postmaster started on `clusterDir`? */
function isOurPostmaster(pid: number, clusterDir: string): boolean {
	let args: string[];
	try {
		args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
	} catch {
		const r = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
		args = (r.stdout ?? '').trim().split(/\s+/);
	}
	if (!args[0] || !/postgres$/.test(args[0])) return false;
	const d = args.indexOf('-D');
	if (d < 0 || !args[d + 1]) return false;
	const canon = (p: string) => {
		try {
			return realpathSync(p);
		} catch {
			return resolve(p);
		}
	};
	return canon(args[d + 1]) === canon(clusterDir);
}

async function waitGone(pid: number, ms: number) {
	const until = Date.now() + ms;
	while (alive(pid) && Date.now() < until) await sleep(25);
	return !alive(pid);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A server left running from this directory (the app was killed with SIGKILL, so nobody
 * stopped its child) is stopped safely before a new one starts. Our directory lock is held,
 * so no live Trellis process owns it.
 */
export async function stopOrphan(clusterDir: string, log: Logger) {
	const lines = readPostmasterPid(clusterDir);
	if (!lines) return;
	const pid = Number(lines[0]);
	if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return; // stale file: postgres handles it
	if (!isOurPostmaster(pid, clusterDir)) {
		// The PID was reused by an unrelated process; postgres would refuse to start beside it.
		rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
		return;
	}
	log.warn({ pid }, 'stopping the database server left running by an earlier Trellis process');
	process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, write a checkpoint
	if (await waitGone(pid, 30_000)) return;
	process.kill(pid, 'SIGQUIT'); // immediate shutdown: recovery replays the WAL on next start
	if (await waitGone(pid, 5_000)) return;
	process.kill(pid, 'SIGKILL');
	await waitGone(pid, 5_000);
}

/**
 * Connection options of the embedded server already running on `dataDir` (for `npm run
 * backup` beside a running app), or undefined when none runs there.
 */
export function runningServer(dataDir: string): string | undefined {
	const link = join(resolve(dataDir), 'postgres');
	let clusterDir: string;
	try {
		clusterDir = realpathSync(link);
	} catch {
		return undefined;
	}
	const lines = readPostmasterPid(clusterDir);
	if (!lines || !alive(Number(lines[0])) || lines[7]?.trim() !== 'ready') return undefined;
	return socketUrl(lines[4].trim(), Number(lines[3]), 'postgres');
}
