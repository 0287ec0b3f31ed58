// npm run soak:crash — does an acknowledged live answer survive a hard kill of the app?
//
// SOAK_MODE=crash (default): one data directory, SOAK_SESSIONS (default 5) live sessions × 18
// participants posting answers continuously, each with a client-generated id; at a random
// moment `kill -9` of the app, a restart (timed from spawn to /healthz 200), the answers whose
// outcome was unknown are sent again with the same id (as the live room's client does), and
// every answer the app acknowledged must be stored exactly once. SOAK_CYCLES (default 100)
// cycles. SOAK_DATABASE_URL=postgres://…/<name> runs it on that server instead: the database
// <name> is created (it must not exist) and dropped at the end; a kill then kills only the app.
//
// SOAK_MODE=first-start: SOAK_CYCLES (default 10) times, a fresh data directory, the app
// started with the demo seed and killed with -9 during its first start (kill times spread
// over 0–3 s), started again, and every demo person must be able to sign in.
//
// SOAK_MODE=sigterm: SOAK_CYCLES (default 3) times, SIGTERM during continuous answering: no
// request may get a 5xx (refused or reset connections after the server stopped accepting
// are counted apart), the app must exit 0, and every acknowledged answer must be stored.
//
// An answer counts as acknowledged when the app answers its post with the live room's
// success: a 303 to ?sent=answer, sent only after the answer is committed. One JSON object
// per line on stdout; progress on stderr. Exits non-zero when anything was lost, duplicated,
// failed to restart or failed. Everything listens on 127.0.0.1 (ports SOAK_PORT_BASE–4699,
// default 4600); every process and temporary directory is cleaned up, also on error or Ctrl-C.
import http from 'node:http';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect, withDatabase } from '../src/lib/server/db/client.ts';
import {
	EMBEDDED_DATABASE,
	readPostmasterPid,
	runningServer,
	startEmbeddedPostgres
} from '../src/lib/server/db/embedded-postgres.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../src/lib/server/bootstrap/seed-demo.ts';
import { BENCH_SECRET, seedLive, type LiveSeed } from '../bench/lib/live-seed.ts';

const ROOT = join(import.meta.dirname, '..');
process.chdir(ROOT); // migrations and the build are found relative to the checkout

const MODE = process.env.SOAK_MODE ?? 'crash';
if (!['crash', 'first-start', 'sigterm'].includes(MODE)) {
	console.error(`SOAK_MODE must be crash, first-start or sigterm (not "${MODE}")`);
	process.exit(2);
}
const DEFAULT_CYCLES: Record<string, number> = { crash: 100, 'first-start': 10, sigterm: 3 };
const CYCLES = Number(process.env.SOAK_CYCLES ?? DEFAULT_CYCLES[MODE]);
const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 5);
const PG_URL = process.env.SOAK_DATABASE_URL;
const PORT_BASE = Number(process.env.SOAK_PORT_BASE ?? 4600);
const PORT_MAX = 4699;
const DB_KIND = PG_URL ? 'postgres' : 'embedded';
const BENCH = MODE === 'crash' ? 'soak-crash' : `soak-${MODE}`;
/** Load before the kill (or SIGTERM) lasts a random time in this window. */
const LOAD_MIN_MS = 300;
const LOAD_MAX_MS = 3000;
const FIRST_START_KILL_MAX_MS = 3000;
const READY_TIMEOUT_MS = 90_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const note = (s: string) => process.stderr.write(`[soak ${MODE}] ${s}\n`);

function out(figure: string, value: number, extra: Record<string, unknown> = {}) {
	process.stdout.write(
		`${JSON.stringify({ bench: BENCH, figure, value, db: DB_KIND, ...extra })}\n`
	);
}

function percentile(xs: number[], p: number) {
	if (!xs.length) return 0;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

// ---- processes, directories and their cleanup -------------------------------------------

type App = {
	child: ChildProcess;
	port: number;
	spawnedAt: number;
	exited: Promise<number | null>;
	output: () => string;
	running: () => boolean;
};

const apps = new Set<App>();
const dataDirs = new Set<string>();
const asyncCleanups: (() => Promise<void>)[] = [];

function makeDataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'trellis-soak-'));
	dataDirs.add(dir);
	return dir;
}

/** Stops the embedded server still running on `dir` (if the watchdog did not), then deletes it. */
async function removeDataDir(dir: string) {
	const pid = Number(readPostmasterPid(join(dir, 'postgres'))?.[0]);
	if (pid && alive(pid)) {
		for (let i = 0; i < 200 && alive(pid); i++) await sleep(50); // the watchdog's fast shutdown
		if (alive(pid)) {
			note(`the embedded server ${pid} on ${dir} outlived its app; stopping it`);
			process.kill(pid, 'SIGQUIT');
			for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
		}
	}
	// As root the cluster may live elsewhere with a link in the data directory (see
	// placeCluster): that copy goes too, with a half-made one of an interrupted initdb.
	const real = clusterOf(dir);
	if (real) {
		rmSync(real, { recursive: true, force: true });
		for (const name of readdirSync(dirname(real))) {
			if (name.startsWith(`${basename(real)}.init`)) {
				rmSync(join(dirname(real), name), { recursive: true, force: true });
			}
		}
	}
	rmSync(dir, { recursive: true, force: true });
	dataDirs.delete(dir);
}

function clusterOf(dir: string): string | undefined {
	try {
		return resolve(dir, readlinkSync(join(dir, 'postgres')));
	} catch {
		return undefined; // not a link (or not there): the cluster is inside the directory
	}
}

function alive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
	});
}

async function freePort(): Promise<number> {
	for (let port = PORT_BASE; port <= PORT_MAX; port++) {
		if (await portIsFree(port)) return port;
	}
	throw new Error(`no free port in ${PORT_BASE}-${PORT_MAX} on 127.0.0.1`);
}

function appEnv(port: number, extra: Record<string, string>): Record<string, string> {
	const env: Record<string, string> = {};
	for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
		if (process.env[k]) env[k] = process.env[k]!;
	}
	return {
		...env,
		NODE_ENV: 'development',
		HOST: '127.0.0.1',
		PORT: String(port),
		APP_ORIGIN: `http://127.0.0.1:${port}`,
		LOG_LEVEL: 'warn',
		RATE_LIMIT_SCALE: '1000',
		SHUTDOWN_TIMEOUT: '10',
		...extra
	};
}

function spawnApp(port: number, env: Record<string, string>): App {
	let tail = '';
	const spawnedAt = performance.now();
	const child = spawn(process.execPath, ['scripts/start.js'], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const keep = (s: string) => {
		tail = (tail + s).slice(-20_000);
	};
	child.stdout!.setEncoding('utf8').on('data', keep);
	child.stderr!.setEncoding('utf8').on('data', keep);
	const app: App = {
		child,
		port,
		spawnedAt,
		output: () => tail,
		running: () => child.exitCode === null && child.signalCode === null,
		exited: new Promise((resolve) => {
			child.once('exit', (code) => {
				apps.delete(app);
				resolve(code);
			});
			child.once('error', (e) => {
				keep(`\nspawn error: ${e.message}\n`);
				apps.delete(app);
				resolve(null);
			});
		})
	};
	apps.add(app);
	return app;
}

/** Milliseconds from spawn to the first /healthz 200; throws if it exits or times out first. */
async function untilHealthy(app: App, timeoutMs = READY_TIMEOUT_MS): Promise<number> {
	const until = app.spawnedAt + timeoutMs;
	let last = '';
	while (performance.now() < until) {
		if (!app.running()) throw new Error(`the app exited while starting:\n${app.output()}`);
		try {
			const r = await request(app.port, 'GET', '/healthz', { timeoutMs: 5_000 });
			if (r.status === 200) return performance.now() - app.spawnedAt;
			last = `HTTP ${r.status}`;
		} catch (e) {
			last = (e as Error).message;
		}
		await sleep(10);
	}
	throw new Error(`no /healthz 200 within ${timeoutMs} ms (last: ${last}):\n${app.output()}`);
}

async function stopApp(app: App, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
	if (app.running()) app.child.kill(signal);
	const timer = setTimeout(() => app.child.kill('SIGKILL'), 30_000);
	try {
		return await app.exited;
	} finally {
		clearTimeout(timer);
	}
}

async function cleanupAll() {
	await Promise.all([...apps].map((a) => stopApp(a)));
	while (asyncCleanups.length) {
		try {
			await asyncCleanups.pop()!();
		} catch (e) {
			note(`cleanup failed: ${(e as Error).message}`);
		}
	}
	for (const dir of [...dataDirs]) await removeDataDir(dir);
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
	process.on(sig, () => {
		if (interrupted) return;
		interrupted = true;
		note(`${sig}: cleaning up`);
		void cleanupAll().finally(() => process.exit(130));
	});
}
// Last resort (an exception escaped everything): what can be done synchronously.
process.on('exit', () => {
	for (const a of apps) a.child.kill('SIGKILL');
	for (const dir of dataDirs) {
		const pid = Number(readPostmasterPid(join(dir, 'postgres'))?.[0]);
		if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
		const real = clusterOf(dir);
		if (real) rmSync(real, { recursive: true, force: true });
		rmSync(dir, { recursive: true, force: true });
	}
});

// ---- HTTP -----------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

type Reply = { status: number; location: string; body: string };

function request(
	port: number,
	method: string,
	path: string,
	opts: {
		headers?: Record<string, string>;
		body?: string;
		timeoutMs?: number;
		keepAlive?: boolean;
	} = {}
): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				method,
				path,
				agent: opts.keepAlive ? agent : false,
				headers: {
					...(opts.body !== undefined ? { 'content-length': Buffer.byteLength(opts.body) } : {}),
					...opts.headers
				},
				timeout: opts.timeoutMs ?? 30_000
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => {
					if (body.length < 4_000) body += c;
				});
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						location: String(res.headers.location ?? ''),
						body
					})
				);
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error('timed out')));
		req.on('error', reject);
		req.end(opts.body);
	});
}

function postForm(port: number, path: string, cookie: string, form: Record<string, string>) {
	return request(port, 'POST', path, {
		keepAlive: true,
		body: new URLSearchParams(form).toString(),
		headers: {
			cookie,
			origin: `http://127.0.0.1:${port}`,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
}

// ---- the live load ----------------------------------------------------------------------

type Sent = { session: string; cookie: string };
type Seed = LiveSeed;

/** What the clients know: acknowledged ids, and ids whose outcome they never learnt. */
class Ledger {
	acked = new Set<string>();
	/** Sent, no acknowledgement seen (no answer, an error, a refusal): to be sent again. */
	unknown = new Map<string, Sent>();
	/** Acknowledged since the last check. */
	fresh: string[] = [];
	resent = 0;
	resentAcked = 0;
	serverErrors = 0;
	otherRefusals = new Map<number, number>();
	connectionErrors = new Map<string, number>();

	async send(port: number, id: string, to: Sent): Promise<'acked' | 'refused' | 'error'> {
		if (!this.acked.has(id)) this.unknown.set(id, to);
		try {
			// The word is the id too, so a second row for one answer is found even under another id.
			const r = await postForm(port, `/live/${to.session}?/answer`, to.cookie, {
				clientId: id,
				blockId: 'welcome',
				word: id
			});
			if (r.status === 303 && r.location.includes('sent=answer')) {
				if (!this.acked.has(id)) {
					this.acked.add(id);
					this.fresh.push(id);
				}
				this.unknown.delete(id);
				return 'acked';
			}
			if (r.status >= 500) {
				this.serverErrors++;
				note(`HTTP ${r.status} for an answer: ${r.body.slice(0, 300)}`);
			} else {
				this.otherRefusals.set(r.status, (this.otherRefusals.get(r.status) ?? 0) + 1);
			}
			return 'refused';
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
			this.connectionErrors.set(code, (this.connectionErrors.get(code) ?? 0) + 1);
			return 'error';
		}
	}

	/** After a restart: what a client with an unanswered post does, the same id again. */
	async resendUnknown(port: number) {
		const pending = [...this.unknown];
		let i = 0;
		const worker = async () => {
			while (i < pending.length) {
				const [id, to] = pending[i++];
				this.resent++;
				if ((await this.send(port, id, to)) === 'acked') this.resentAcked++;
			}
		};
		await Promise.all(Array.from({ length: 20 }, worker));
	}
}

/**
 * Every participant answers about once a second (the live room allows 120 posts a minute)
 * until `stop()` returns true; one answer in 20 is sent twice (a double tap). A post without
 * an acknowledgement is sent again with the same id after a pause, as a person does when the
 * room says it is offline.
 */
async function answerLoad(port: number, seed: Seed, ledger: Ledger, stop: () => boolean) {
	await Promise.all(
		seed.participants.map(async (to) => {
			await sleep(Math.random() * 1000);
			let id = randomUUID();
			while (!stop()) {
				const r = await ledger.send(port, id, to);
				if (r === 'acked') {
					if (Math.random() < 0.05) await ledger.send(port, id, to);
					id = randomUUID();
					await sleep(500 + Math.random() * 500);
				} else {
					await sleep(200 + Math.random() * 300);
				}
			}
		})
	);
}

/** Event streams, one per participant and session, as in a real room (SIGTERM mode). */
function openStreams(port: number, seed: Seed) {
	const reqs: http.ClientRequest[] = [];
	let ended = 0;
	for (const { session, cookie } of seed.participants) {
		const req = http.get(
			{
				host: '127.0.0.1',
				port,
				path: `/live/${session}/events`,
				headers: { accept: 'text/event-stream', cookie }
			},
			(res) => {
				res.resume();
				res.on('end', () => ended++);
				res.on('error', () => {});
			}
		);
		req.on('error', () => {});
		reqs.push(req);
	}
	return { ended: () => ended, close: () => reqs.forEach((r) => r.destroy()) };
}

// ---- the database ------------------------------------------------------------------------

type Target = {
	/** The app's environment for its database. */
	env: Record<string, string>;
	/** A URL of the app's database that works while the app runs. */
	url: () => string;
	dataDir?: string;
};

async function prepareTarget(origin: string): Promise<{ target: Target; seed: Seed }> {
	if (PG_URL) {
		const u = new URL(PG_URL);
		if (!['127.0.0.1', 'localhost'].includes(u.hostname)) {
			throw new Error('SOAK_DATABASE_URL must name a server on 127.0.0.1');
		}
		const name = decodeURIComponent(u.pathname.slice(1));
		if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
			throw new Error(`SOAK_DATABASE_URL must name a database (lowercase letters, digits, _)`);
		}
		const admin = await connect(withDatabase(PG_URL, 'postgres'), { max: 1 });
		const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
		if (exists) {
			await admin.end();
			throw new Error(`the database ${name} already exists; the soak creates and drops its own`);
		}
		await admin.unsafe(`create database "${name}"`);
		asyncCleanups.push(async () => {
			await admin.unsafe(`drop database if exists "${name}" with (force)`);
			await admin.end({ timeout: 5 });
		});
		note(`seeding ${SESSIONS} sessions × 18 participants in ${name}…`);
		const seed = await seedLive(PG_URL, origin, SESSIONS, { slug: 'soak', ownPeople: true });
		return { target: { env: { DATABASE_URL: PG_URL }, url: () => PG_URL }, seed };
	}
	const dataDir = makeDataDir();
	const quiet = { info: () => {}, warn: () => {} };
	const server = await startEmbeddedPostgres({ dataDir, log: quiet });
	try {
		const url = server.url(EMBEDDED_DATABASE);
		note(`seeding ${SESSIONS} sessions × 18 participants in ${dataDir}…`);
		const seed = await seedLive(url, origin, SESSIONS, { slug: 'soak', ownPeople: true });
		return {
			target: {
				env: { DATA_DIR: dataDir },
				dataDir,
				url: () => {
					const running = runningServer(dataDir);
					if (!running) throw new Error(`no embedded server is running on ${dataDir}`);
					return withDatabase(running, EMBEDDED_DATABASE);
				}
			},
			seed
		};
	} finally {
		await server.stop();
	}
}

/**
 * How many of the acknowledged `ids` are missing, and how many extra rows there are for the
 * others: by id, and by the word (which repeats the id, so a copy under another id shows too).
 */
async function verify(url: string, ids: string[]): Promise<{ lost: number; duplicated: number }> {
	if (!ids.length) return { lost: 0, duplicated: 0 };
	const sql = await connect(url, { max: 1 });
	try {
		let lost = 0;
		let duplicated = 0;
		for (let i = 0; i < ids.length; i += 20_000) {
			const chunk = ids.slice(i, i + 20_000);
			const byId = await sql<{ n: number }[]>`
				select count(*)::int as n from live_answers where id = any(${chunk}::uuid[]) group by id`;
			const byWord = await sql<{ n: number }[]>`
				select count(*)::int as n from live_answers
				where payload->>'word' = any(${chunk}::text[]) group by payload->>'word'`;
			lost += chunk.length - byId.length;
			for (const r of [...byId, ...byWord]) duplicated += r.n - 1;
		}
		return { lost, duplicated };
	} finally {
		await sql.end({ timeout: 5 });
	}
}

async function startActivities(port: number, seed: Seed) {
	for (const s of seed.sessionIds) {
		const r = await postForm(port, `/live/${s}/console`, seed.lead, { action: 'start' });
		if (r.status >= 400) throw new Error(`starting the activity of ${s}: HTTP ${r.status}`);
	}
}

// ---- the modes -------------------------------------------------------------------------

async function crashSoak() {
	const port = await freePort();
	const { target, seed } = await prepareTarget(`http://127.0.0.1:${port}`);
	const env = appEnv(port, { ...target.env, AUTH_SECRET: BENCH_SECRET, DEMO_SEED: 'off' });
	const ledger = new Ledger();
	const restarts: number[] = [];
	let failedRestarts = 0;
	let lost = 0;
	let duplicated = 0;
	let orphans = 0;

	let app = spawnApp(port, env);
	await untilHealthy(app);
	await startActivities(port, seed);
	const t0 = performance.now();
	for (let cycle = 1; cycle <= CYCLES; cycle++) {
		// Answers until a random moment, then kill -9 while they keep coming.
		let stopped = false;
		const load = answerLoad(port, seed, ledger, () => stopped);
		await sleep(LOAD_MIN_MS + Math.random() * (LOAD_MAX_MS - LOAD_MIN_MS));
		app.child.kill('SIGKILL');
		await app.exited;
		stopped = true;
		await load;
		// Restart; one failed restart is counted and tried once more before giving up.
		let ms: number | undefined;
		for (let attempt = 0; attempt < 2 && ms === undefined; attempt++) {
			app = spawnApp(port, env);
			try {
				ms = await untilHealthy(app);
			} catch (e) {
				failedRestarts++;
				note(`cycle ${cycle}: restart failed: ${(e as Error).message}`);
				await stopApp(app, 'SIGKILL');
			}
		}
		if (ms === undefined) throw new Error(`cycle ${cycle}: the app does not start again`);
		restarts.push(ms);
		if (/left running by an earlier Trellis/.test(app.output())) orphans++;
		// The client's retries, then the check of everything acknowledged in this cycle.
		await ledger.resendUnknown(port);
		const v = await verify(target.url(), ledger.fresh.splice(0));
		lost += v.lost;
		duplicated += v.duplicated;
		if (v.lost || v.duplicated) note(`cycle ${cycle}: lost ${v.lost}, duplicated ${v.duplicated}`);
		if (cycle % 10 === 0 || cycle === CYCLES) {
			note(
				`cycle ${cycle}/${CYCLES}: ${ledger.acked.size} acknowledged, restart p50 ${Math.round(percentile(restarts, 50))} ms, ${Math.round((performance.now() - t0) / 1000)} s`
			);
		}
	}
	// The whole ledger once more against the final database: nothing acknowledged earlier has
	// disappeared in a later crash.
	const all = await verify(target.url(), [...ledger.acked]);
	const code = await stopApp(app);
	if (code !== 0) note(`the app exited ${code} on SIGTERM at the end`);

	out('cycles', CYCLES, { sessions: SESSIONS, participants_per_session: 18 });
	out('acknowledged', ledger.acked.size);
	out('lost', Math.max(lost, all.lost));
	out('duplicated', Math.max(duplicated, all.duplicated));
	out('restart_p50_ms', Math.round(percentile(restarts, 50)));
	out('restart_max_ms', Math.round(Math.max(0, ...restarts)));
	out('failed_restarts', failedRestarts);
	out('resent_after_restart', ledger.resent, { acknowledged_then: ledger.resentAcked });
	out('unacknowledged_at_end', ledger.unknown.size);
	out('server_errors', ledger.serverErrors);
	if (target.dataDir) out('orphan_servers_stopped_at_start', orphans);
	note(
		`refusals ${JSON.stringify(Object.fromEntries(ledger.otherRefusals))}, connection errors ${JSON.stringify(Object.fromEntries(ledger.connectionErrors))}`
	);
	return (
		Math.max(lost, all.lost) === 0 &&
		Math.max(duplicated, all.duplicated) === 0 &&
		failedRestarts === 0 &&
		ledger.serverErrors === 0 &&
		ledger.unknown.size === 0 &&
		code === 0
	);
}

async function signInAll(port: number): Promise<string[]> {
	const failed: string[] = [];
	for (const p of DEMO_PEOPLE) {
		const r = await request(port, 'POST', '/api/auth/sign-in/email', {
			body: JSON.stringify({ email: p.email, password: DEMO_PASSWORD }),
			headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` }
		});
		if (r.status !== 200) failed.push(`${p.email}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
	}
	return failed;
}

async function firstStartSoak() {
	const port = await freePort();
	const restarts: number[] = [];
	const killedAt: number[] = [];
	let failedRestarts = 0;
	let incomplete = 0;
	let killedBeforeReady = 0;
	let exitNonZero = 0;
	for (let i = 0; i < CYCLES; i++) {
		const dataDir = makeDataDir();
		const env = appEnv(port, {
			DATA_DIR: dataDir,
			AUTH_SECRET: BENCH_SECRET,
			DEMO_SEED: 'auto'
		});
		// Spread over 0–3 s: one kill in each of CYCLES equal slices, at a random point in it.
		const killMs = ((i + Math.random()) / CYCLES) * FIRST_START_KILL_MAX_MS;
		const first = spawnApp(port, env);
		await sleep(Math.max(0, killMs - (performance.now() - first.spawnedAt)));
		const ready = first.output().includes('Trellis is running');
		if (!ready) killedBeforeReady++;
		first.child.kill('SIGKILL');
		await first.exited;
		killedAt.push(Math.round(killMs));

		const second = spawnApp(port, env);
		let failed: string[] = [];
		try {
			restarts.push(await untilHealthy(second));
			failed = await signInAll(port);
		} catch (e) {
			failedRestarts++;
			note(
				`kill ${i + 1} at ${Math.round(killMs)} ms: the next start failed: ${(e as Error).message}`
			);
		}
		if (failed.length) {
			incomplete++;
			note(
				`kill ${i + 1} at ${Math.round(killMs)} ms: the demo is incomplete:\n  ${failed.join('\n  ')}`
			);
		}
		const code = await stopApp(second);
		if (code !== 0 && !failedRestarts) exitNonZero++;
		await removeDataDir(dataDir);
		note(
			`kill ${i + 1}/${CYCLES} at ${Math.round(killMs)} ms (${ready ? 'after' : 'before'} it served): ${failed.length ? 'demo incomplete' : 'demo complete'}`
		);
	}
	out('kills', CYCLES, { kill_ms: killedAt });
	out('killed_before_ready', killedBeforeReady);
	out('demo_incomplete', incomplete);
	out('failed_restarts', failedRestarts);
	out('restart_p50_ms', Math.round(percentile(restarts, 50)));
	out('restart_max_ms', Math.round(Math.max(0, ...restarts)));
	out('sigterm_exit_nonzero', exitNonZero);
	return incomplete === 0 && failedRestarts === 0 && exitNonZero === 0;
}

async function sigtermSoak() {
	const port = await freePort();
	const { target, seed } = await prepareTarget(`http://127.0.0.1:${port}`);
	const env = appEnv(port, { ...target.env, AUTH_SECRET: BENCH_SECRET, DEMO_SEED: 'off' });
	const ledger = new Ledger();
	let exitNonZero = 0;
	let ackedAfterSigterm = 0;
	let streamsEnded = 0;
	let streams = 0;
	let lost = 0;
	let duplicated = 0;
	let app = spawnApp(port, env);
	await untilHealthy(app);
	await startActivities(port, seed);
	for (let round = 1; round <= CYCLES; round++) {
		const s = openStreams(port, seed);
		streams += seed.participants.length;
		let stopped = false;
		const load = answerLoad(port, seed, ledger, () => stopped);
		await sleep(LOAD_MIN_MS + Math.random() * (LOAD_MAX_MS - LOAD_MIN_MS));
		const before = ledger.acked.size;
		app.child.kill('SIGTERM');
		const code = await app.exited;
		ackedAfterSigterm += ledger.acked.size - before;
		stopped = true;
		await load;
		streamsEnded += s.ended();
		s.close();
		if (code !== 0) {
			exitNonZero++;
			note(`round ${round}: exit code ${code}:\n${app.output().slice(-3000)}`);
		}
		app = spawnApp(port, env);
		await untilHealthy(app);
		await ledger.resendUnknown(port);
		const v = await verify(target.url(), ledger.fresh.splice(0));
		lost += v.lost;
		duplicated += v.duplicated;
		note(`round ${round}/${CYCLES}: ${ledger.acked.size} acknowledged, exit ${code}`);
	}
	const all = await verify(target.url(), [...ledger.acked]);
	const code = await stopApp(app);
	if (code !== 0) exitNonZero++;
	const refusedOrReset = [...ledger.connectionErrors.values()].reduce((a, b) => a + b, 0);
	out('rounds', CYCLES, { sessions: SESSIONS, participants_per_session: 18 });
	out('acknowledged', ledger.acked.size);
	out('acknowledged_after_sigterm', ackedAfterSigterm);
	out('lost', Math.max(lost, all.lost));
	out('duplicated', Math.max(duplicated, all.duplicated));
	out('server_errors', ledger.serverErrors);
	out('refused_or_reset', refusedOrReset, {
		by_code: Object.fromEntries(ledger.connectionErrors)
	});
	out(
		'other_refusals',
		[...ledger.otherRefusals.values()].reduce((a, b) => a + b, 0),
		{
			by_status: Object.fromEntries(ledger.otherRefusals)
		}
	);
	out('streams_ended_by_server', streamsEnded, { opened: streams });
	out('exit_nonzero', exitNonZero);
	out('unacknowledged_at_end', ledger.unknown.size);
	return (
		Math.max(lost, all.lost) === 0 &&
		Math.max(duplicated, all.duplicated) === 0 &&
		ledger.serverErrors === 0 &&
		exitNonZero === 0 &&
		ledger.unknown.size === 0
	);
}

let ok = false;
try {
	ok =
		MODE === 'first-start'
			? await firstStartSoak()
			: MODE === 'sigterm'
				? await sigtermSoak()
				: await crashSoak();
} catch (e) {
	note(`FAILED: ${(e as Error).stack ?? e}`);
} finally {
	agent.destroy();
	await cleanupAll();
}
process.exit(ok ? 0 : 1);
