// Spawning, measuring and stopping server processes, and the cleanup that must run even when
// the benchmark fails or is interrupted: every spawned process is stopped (SIGTERM, then
// SIGKILL after 5 s), every temp dir removed, every registered async cleanup (the PostgreSQL
// database) run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

export function removeTempDir(dir: string): void {
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

/** SIGTERM, then SIGKILL if the process is still there after 5 s. */
export async function stopServer(server: Server): Promise<void> {
	const { child } = server;
	if (!running(child)) return;
	child.kill('SIGTERM');
	if (await waitOrTimeout(server.exited, 5_000)) return;
	note(`${server.name} (pid ${server.pid}) ignored SIGTERM for 5 s; sending SIGKILL`);
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

/** Last resort on process exit: synchronous, so it can only SIGKILL and delete. */
export function cleanupSync(): void {
	for (const child of live) {
		if (running(child)) child.kill('SIGKILL');
	}
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
	if (asyncCleanups.size) {
		note(`exiting with cleanups not run: ${[...asyncCleanups.keys()].join(', ')}`);
	}
}
