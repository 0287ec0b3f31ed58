// Spawning, measuring and stopping server processes, and the cleanup that must run even when
// the benchmark fails or is interrupted: every spawned process is stopped (SIGTERM, then
// SIGKILL after 5 s; a Trellis stopped in the ordinary course gets TRELLIS_STOP_MS), every
// registered async cleanup (an embedded server started here, the PostgreSQL database) run,
// every temp dir removed.
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import { get } from './http.ts';
import { note, sleep } from './log.ts';

export type Server = {
	name: string;
	port: number;
	pid: number;
	child: ChildProcess;
	/** performance.now() just before spawn. */
	spawnedAt: number;
	/** Resolves when the process has exited. */
	exited: Promise<void>;
	/** The tail of the process's stdout and stderr, for error messages. */
	output: () => string;
};

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const asyncCleanups = new Map<string, () => Promise<void>>();

const PORT_MIN = 4400;
const PORT_MAX = 4499;
let portCursor = PORT_MIN;

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
	});
}

/** The next free port in 4400–4499; each call moves on, so a stopping server never collides. */
export async function freePort(): Promise<number> {
	for (let tries = 0; tries <= PORT_MAX - PORT_MIN; tries++) {
		const port = portCursor;
		portCursor = portCursor >= PORT_MAX ? PORT_MIN : portCursor + 1;
		if (await portIsFree(port)) return port;
	}
	throw new Error(`no free port in ${PORT_MIN}-${PORT_MAX} on 127.0.0.1`);
}

export function makeTempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	tempDirs.add(dir);
	return dir;
}

/**
 * A temp directory to use as DATA_DIR. Mode 0755, so that when the benchmark runs as root the
 * embedded server's own user can reach it and the cluster stays inside it (otherwise it would
 * live under /var/lib/trellis, linked from <dir>/postgres; removeTempDir removes that too).
 */
export function makeDataDir(prefix: string): string {
	const dir = makeTempDir(prefix);
	chmodSync(dir, 0o755);
	return dir;
}

export function removeTempDir(dir: string): void {
	// A cluster placed outside the directory (as root) goes with it.
	const link = join(dir, 'postgres');
	try {
		if (lstatSync(link).isSymbolicLink()) {
			rmSync(realpathSync(link), { recursive: true, force: true });
		}
	} catch {
		/* no cluster, or its target is gone already */
	}
	rmSync(dir, { recursive: true, force: true });
	tempDirs.delete(dir);
}

export function onCleanup(key: string, fn: () => Promise<void>): void {
	asyncCleanups.set(key, fn);
}

export function offCleanup(key: string): void {
	asyncCleanups.delete(key);
}

/** A minimal environment, so nothing inherited (APP_ORIGIN, SMTP_URL, NODE_OPTIONS…) leaks in. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
	const env: Record<string, string> = {};
	for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ']) {
		const v = process.env[k];
		if (v) env[k] = v;
	}
	return { ...env, ...extra };
}

export function spawnServer(opts: {
	name: string;
	port: number;
	args: string[];
	env: Record<string, string>;
	cwd: string;
}): Server {
	let tail = '';
	const keep = (s: string): void => {
		tail = (tail + s).slice(-8_000);
	};
	const spawnedAt = performance.now();
	const child = spawn(process.execPath, opts.args, {
		cwd: opts.cwd,
		env: opts.env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	live.add(child);
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => {
			live.delete(child);
			resolve();
		});
		child.once('error', (e) => {
			keep(`\nspawn error: ${e.message}\n`);
			live.delete(child);
			resolve();
		});
	});
	child.stdout?.setEncoding('utf8').on('data', keep);
	child.stderr?.setEncoding('utf8').on('data', (s: string) => {
		keep(s);
		for (const line of s.split('\n')) {
			if (line.trim()) process.stderr.write(`[${opts.name}] ${line}\n`);
		}
	});
	if (child.pid === undefined) throw new Error(`could not spawn ${opts.name}`);
	return {
		name: opts.name,
		port: opts.port,
		pid: child.pid,
		child,
		spawnedAt,
		exited,
		output: () => tail
	};
}

const running = (child: ChildProcess): boolean =>
	child.exitCode === null && child.signalCode === null;

/**
 * Polls GET `path` until it answers 200 and returns the time from spawn to that response in ms.
 * Fails fast if the process exits; gives up after `timeoutMs`.
 */
export async function timeToFirstResponse(
	server: Server,
	path = '/',
	timeoutMs = 120_000
): Promise<number> {
	const deadline = server.spawnedAt + timeoutMs;
	let last = '';
	while (performance.now() < deadline) {
		if (!running(server.child)) {
			throw new Error(`${server.name} exited before serving ${path}:\n${server.output()}`);
		}
		try {
			const res = await get(`http://127.0.0.1:${server.port}${path}`, { timeoutMs: 30_000 });
			if (res.status === 200) return performance.now() - server.spawnedAt;
			last = `HTTP ${res.status}`;
		} catch (e) {
			last = (e as Error).message;
		}
		await sleep(10);
	}
	throw new Error(
		`${server.name} did not serve ${path} within ${timeoutMs} ms (last: ${last}):\n${server.output()}`
	);
}

/** Waits until `server` accepts connections on its port (for servers with no page to GET). */
export async function waitForPort(server: Server, timeoutMs = 30_000): Promise<void> {
	const deadline = server.spawnedAt + timeoutMs;
	while (performance.now() < deadline) {
		if (!running(server.child)) {
			throw new Error(`${server.name} exited before listening:\n${server.output()}`);
		}
		const ok = await new Promise<boolean>((resolve) => {
			const socket = net.connect({ port: server.port, host: '127.0.0.1' });
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (ok) return;
		await sleep(20);
	}
	throw new Error(`${server.name} did not listen on ${server.port} within ${timeoutMs} ms`);
}

export type ProcStatus = { rssMb: number; hwmMb: number };

/** VmRSS and VmHWM from /proc/<pid>/status, in MiB. */
export function procStatus(pid: number): ProcStatus {
	const text = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string): number => {
		const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
		if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
		return Number(m[1]);
	};
	return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Pss from /proc/<pid>/smaps_rollup in kB, or undefined when the process is gone. */
export async function pssKb(pid: number): Promise<number | undefined> {
	let text: string;
	try {
		text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
	} catch {
		return undefined;
	}
	const m = /^Pss:\s+(\d+)\s+kB/m.exec(text);
	return m ? Number(m[1]) : undefined;
}

/** Parent of every process now running (from /proc/<pid>/stat). */
async function parents(): Promise<Map<number, number>> {
	const map = new Map<number, number>();
	const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
	await Promise.all(
		pids.map(async (name) => {
			try {
				const stat = await readFile(`/proc/${name}/stat`, 'utf8');
				// pid (comm) state ppid …; comm may hold spaces and parentheses.
				const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				map.set(Number(name), ppid);
			} catch {
				/* exited meanwhile */
			}
		})
	);
	return map;
}

/** `roots` and all their descendants. */
function withDescendants(roots: number[], parentOf: Map<number, number>): Set<number> {
	const found = new Set(roots);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, ppid] of parentOf) {
			if (!found.has(pid) && found.has(ppid)) {
				found.add(pid);
				grew = true;
			}
		}
	}
	return found;
}

/** PID of the postmaster running on the embedded cluster in `dataDir` (line 1 of postmaster.pid). */
export function postmasterPid(dataDir: string): number | undefined {
	try {
		const cluster = realpathSync(join(dataDir, 'postgres'));
		const pid = Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

export type Pss = {
	/** The app processes themselves. */
	appMb: number;
	/** Everything else: the embedded server (postmaster, backends, auxiliary processes) and its watchdog shell. */
	dbMb: number;
	totalMb: number;
	/** How many processes were counted, app included. */
	processes: number;
};

/**
 * Proportional set size (Pss, shared pages split between the processes that map them) of the
 * app processes `appPids` plus, for each embedded data directory in `dataDirs`, its database
 * processes: every descendant of an app process (the watchdog `sh`, its helper and the server
 * under it) and the postmaster named by postmaster.pid with all its descendants, whether or
 * not it is the app's descendant. With no `dataDirs` (external PostgreSQL) only the apps count.
 */
export async function measurePss(appPids: number[], dataDirs: string[] = []): Promise<Pss> {
	const parentOf = await parents();
	const db = new Set<number>();
	if (dataDirs.length) {
		const postmasters = dataDirs.map(postmasterPid).filter((p): p is number => p !== undefined);
		if (postmasters.length < dataDirs.length) {
			throw new Error(`no running postmaster found in ${dataDirs.join(', ')}`);
		}
		for (const pid of withDescendants([...appPids, ...postmasters], parentOf)) db.add(pid);
		for (const pid of appPids) db.delete(pid);
	}
	const sum = async (pids: Iterable<number>): Promise<{ kb: number; n: number }> => {
		const values = (await Promise.all([...pids].map(pssKb))).filter(
			(v): v is number => v !== undefined
		);
		return { kb: values.reduce((a, b) => a + b, 0), n: values.length };
	};
	const app = await sum(appPids);
	if (app.n < appPids.length) throw new Error(`app process ${appPids.join(', ')} not running`);
	const rest = await sum(db);
	return {
		appMb: app.kb / 1024,
		dbMb: rest.kb / 1024,
		totalMb: (app.kb + rest.kb) / 1024,
		processes: app.n + rest.n
	};
}

/**
 * Samples measurePss every `everyMs` (reading /proc asynchronously, so the measurement running
 * beside it is not held up) until stop(), which resolves to the sample with the largest total.
 */
export function samplePss(
	appPids: number[],
	dataDirs: string[],
	everyMs = 2_000
): { stop: () => Promise<Pss | undefined> } {
	let peak: Pss | undefined;
	let last: Promise<void> = Promise.resolve();
	const take = (): Promise<void> =>
		(last = last.then(async () => {
			try {
				const p = await measurePss(appPids, dataDirs);
				if (!peak || p.totalMb > peak.totalMb) peak = p;
			} catch {
				/* a process stopping; the next sample counts */
			}
		}));
	void take();
	const timer = setInterval(() => void take(), everyMs);
	return {
		stop: async () => {
			clearInterval(timer);
			await take();
			return peak;
		}
	};
}

async function waitOrTimeout(p: Promise<void>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<boolean>((r) => {
		timer = setTimeout(() => r(false), ms);
	});
	try {
		return await Promise.race([p.then(() => true), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * The time a Trellis gets to stop after SIGTERM: it ends its event streams, lets running
 * requests finish (SHUTDOWN_TIMEOUT, 10 s by default), then stops the job queue and closes the
 * database, which stops its embedded server; it exits by itself 20 s after the signal at most.
 */
export const TRELLIS_STOP_MS = 25_000;

/** SIGTERM, then SIGKILL if the process is still there after `graceMs` (default 5 s). */
export async function stopServer(server: Server, graceMs = 5_000): Promise<void> {
	const { child } = server;
	if (!running(child)) return;
	const t0 = performance.now();
	child.kill('SIGTERM');
	if (await waitOrTimeout(server.exited, graceMs)) {
		const ms = performance.now() - t0;
		if (ms > 2_000) note(`${server.name} (pid ${server.pid}) took ${Math.round(ms)} ms to stop`);
		return;
	}
	note(
		`${server.name} (pid ${server.pid}) ignored SIGTERM for ${graceMs / 1000} s; sending SIGKILL`
	);
	child.kill('SIGKILL');
	if (!(await waitOrTimeout(server.exited, 5_000))) {
		note(`${server.name} (pid ${server.pid}) still running after SIGKILL`);
	}
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (!running(child)) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	if (await waitOrTimeout(exited, 5_000)) return;
	child.kill('SIGKILL');
	await waitOrTimeout(exited, 5_000);
}

/** Stops everything still running, runs registered cleanups, removes temp dirs. */
export async function cleanupAll(): Promise<void> {
	await Promise.all([...live].map(stopChild));
	for (const [key, fn] of [...asyncCleanups]) {
		try {
			await fn();
		} catch (e) {
			note(`cleanup ${key} failed: ${(e as Error).message}`);
		}
		asyncCleanups.delete(key);
	}
	for (const dir of [...tempDirs]) removeTempDir(dir);
}

/**
 * SIGINT or SIGTERM stop the servers and run the cleanups before the benchmark exits; any other
 * exit at least kills what is left (cleanupSync). Call once, at the start of a benchmark.
 */
export function cleanUpOnSignalsAndExit(): void {
	let interrupted = false;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (interrupted) return;
			interrupted = true;
			note(`${signal}: stopping servers and cleaning up`);
			void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}
	process.on('exit', cleanupSync);
}

/** Last resort on process exit: synchronous, so it can only SIGKILL and delete. */
export function cleanupSync(): void {
	for (const child of live) {
		if (running(child)) child.kill('SIGKILL');
	}
	for (const dir of [...tempDirs]) removeTempDir(dir);
	if (asyncCleanups.size) {
		note(`exiting with cleanups not run: ${[...asyncCleanups.keys()].join(', ')}`);
	}
}
