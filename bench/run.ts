// Trellis benchmark: page weight, server start time, memory and request latency on PGlite and
// PostgreSQL, against a bare node:http baseline. Run after a build: `node bench/run.ts`.
//
// stdout: one JSON object per line, {"bench","figure","value","unit"[,"db"]}; nothing else.
// stderr: progress and diagnostics. Exit code 1 if any part failed (the rest still runs).
//
// Everything binds and talks to 127.0.0.1 only, on ports 4400–4499. The PostgreSQL part needs a
// server at BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) that lets
// this user create and drop the database trellis_bench.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { load, percentile } from './lib/http.ts';
import { emit, note, round, sleep } from './lib/log.ts';
import { pageWeight } from './lib/page-weight.ts';
import {
	childEnv,
	cleanupAll,
	cleanupSync,
	freePort,
	makeTempDir,
	offCleanup,
	onCleanup,
	procStatus,
	removeTempDir,
	spawnServer,
	stopServer,
	timeToFirstResponse
} from './lib/processes.ts';
import type { Server } from './lib/processes.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLIENT_DIR = join(ROOT, 'build', 'client');
const START_SCRIPT = join(ROOT, 'scripts', 'start.js');

const PG_ADMIN_URL =
	process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DATABASE = 'trellis_bench';

// Workload sizes, fixed so runs compare.
const WARM_REQUESTS = 20;
const IDLE_MS = 3_000;
const PEAK_REQUESTS_PER_PATH = 500;
const PEAK_CONCURRENCY = 20;
const LATENCY_REQUESTS = 1_000;
const LATENCY_CONCURRENCY = 50;

type Db = 'pglite' | 'postgres';
type Memory = { idleRssMb: number; peakRssMb: number };

const failures: string[] = [];

// BENCH_ONLY=pages (comma-separated part names) runs a subset while working on one figure.
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());

async function part(name: string, fn: () => Promise<void>): Promise<void> {
	if (ONLY && !ONLY.some((o) => name.startsWith(o))) return;
	note(`${name}…`);
	try {
		await fn();
	} catch (e) {
		failures.push(name);
		note(`${name} FAILED: ${(e as Error).stack ?? e}`);
	}
}

function startTrellis(name: string, port: number, databaseUrl: string): Server {
	return spawnServer({
		name,
		port,
		cwd: ROOT,
		args: [START_SCRIPT],
		env: childEnv({
			HOST: '127.0.0.1',
			PORT: String(port),
			DATABASE_URL: databaseUrl,
			LOG_LEVEL: 'warn',
			DEMO_SEED: 'auto'
		})
	});
}

/**
 * The common memory protocol: WARM_REQUESTS sequential requests, IDLE_MS of quiet, then VmRSS;
 * then the peak load, then VmHWM.
 */
async function measureMemory(server: Server, paths: string[]): Promise<Memory> {
	await load(server.port, paths, WARM_REQUESTS, 1);
	await sleep(IDLE_MS);
	const idleRssMb = procStatus(server.pid).rssMb;
	await load(server.port, paths, PEAK_REQUESTS_PER_PATH * paths.length, PEAK_CONCURRENCY);
	const peakRssMb = procStatus(server.pid).hwmMb;
	return { idleRssMb, peakRssMb };
}

// ---------------------------------------------------------------------------------------------

async function benchPages(): Promise<void> {
	const port = await freePort();
	const server = startTrellis('trellis pages', port, 'pglite:memory');
	try {
		await timeToFirstResponse(server);
		const origin = `http://127.0.0.1:${port}`;
		for (const [prefix, path] of [
			['home', '/'],
			['sign_in', '/sign-in'],
			['course', '/courses/recovery-oriented-practice'],
			['session', '/courses/recovery-oriented-practice/sessions/1']
		] as const) {
			const w = await pageWeight(origin, path, CLIENT_DIR);
			note(
				`${path}: html ${w.htmlBytesBr} B, ${w.assets.length} assets: ` +
					w.assets.map((a) => `${a.path} ${a.bytesBr} B (${a.source})`).join(', ')
			);
			emit({
				bench: 'pages',
				figure: `${prefix}_total_bytes_br`,
				value: w.totalBytesBr,
				unit: 'bytes'
			});
			emit({ bench: 'pages', figure: `${prefix}_js_bytes_br`, value: w.jsBytesBr, unit: 'bytes' });
			emit({
				bench: 'pages',
				figure: `${prefix}_html_bytes_br`,
				value: w.htmlBytesBr,
				unit: 'bytes'
			});
			emit({
				bench: 'pages',
				figure: `${prefix}_html_bytes_wire`,
				value: w.htmlBytesWire,
				unit: 'bytes'
			});
		}
	} finally {
		await stopServer(server);
	}
}

const BARE_NODE_SERVER = `
const http = require('node:http');
const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body>';
const tail = '</body></html>';
let text = '';
for (let i = 0; text.length < 5120 - head.length - tail.length - 40; i++) text += '<p>Paragraph ' + i + ' of static text.</p>';
const body = Buffer.from((head + text + tail).padEnd(5120, ' '));
http.createServer((req, res) => {
	res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
	res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
`;

async function benchBaseline(): Promise<Memory> {
	const port = await freePort();
	const server = spawnServer({
		name: 'bare node',
		port,
		cwd: ROOT,
		args: ['-e', BARE_NODE_SERVER],
		env: childEnv({ PORT: String(port) })
	});
	try {
		await timeToFirstResponse(server);
		const mem = await measureMemory(server, ['/', '/sign-in']);
		emit({
			bench: 'baseline',
			figure: 'idle_rss_mb',
			value: round(mem.idleRssMb),
			unit: 'MB',
			db: 'none'
		});
		emit({
			bench: 'baseline',
			figure: 'peak_rss_mb',
			value: round(mem.peakRssMb),
			unit: 'MB',
			db: 'none'
		});
		return mem;
	} finally {
		await stopServer(server);
	}
}

/** Memory and latency of a running Trellis, emitted with `db`. */
async function measureTrellis(server: Server, db: Db, baseline: Memory | null): Promise<void> {
	const mem = await measureMemory(server, ['/', '/sign-in']);
	emit({ bench: 'server', figure: 'idle_rss_mb', value: round(mem.idleRssMb), unit: 'MB', db });
	emit({ bench: 'server', figure: 'peak_rss_mb', value: round(mem.peakRssMb), unit: 'MB', db });
	if (baseline) {
		const ratio = mem.idleRssMb / baseline.idleRssMb;
		emit({
			bench: 'server',
			figure: 'idle_rss_ratio_to_bare_node',
			value: round(ratio, 2),
			unit: 'x',
			db
		});
	}
	const latencies = await load(server.port, ['/sign-in'], LATENCY_REQUESTS, LATENCY_CONCURRENCY);
	emit({
		bench: 'server',
		figure: 'request_p50_ms',
		value: round(percentile(latencies, 50)),
		unit: 'ms',
		db
	});
	emit({
		bench: 'server',
		figure: 'request_p95_ms',
		value: round(percentile(latencies, 95)),
		unit: 'ms',
		db
	});
}

async function benchPglite(baseline: Memory | null): Promise<void> {
	const dir = makeTempDir('trellis-bench-');
	const databaseUrl = `pglite:${join(dir, 'db')}`;
	try {
		// Fresh directory: migrations and demo seed run before the first page.
		const fresh = startTrellis('trellis pglite fresh', await freePort(), databaseUrl);
		try {
			const ms = await timeToFirstResponse(fresh);
			emit({
				bench: 'server',
				figure: 'start_to_first_page_ms_fresh',
				value: round(ms),
				unit: 'ms',
				db: 'pglite'
			});
			await measureTrellis(fresh, 'pglite', baseline);
		} finally {
			await stopServer(fresh);
		}
		// Second start on the same directory: nothing to migrate or seed.
		const again = startTrellis('trellis pglite existing', await freePort(), databaseUrl);
		try {
			const ms = await timeToFirstResponse(again);
			emit({
				bench: 'server',
				figure: 'start_to_first_page_ms_existing',
				value: round(ms),
				unit: 'ms',
				db: 'pglite'
			});
		} finally {
			await stopServer(again);
		}
	} finally {
		removeTempDir(dir);
	}
}

async function benchPostgres(baseline: Memory | null): Promise<void> {
	const admin = new URL(PG_ADMIN_URL);
	if (admin.hostname !== '127.0.0.1' && admin.hostname !== 'localhost') {
		throw new Error(`BENCH_PG_ADMIN_URL must point at 127.0.0.1, not ${admin.hostname}`);
	}
	admin.hostname = '127.0.0.1';
	const sql = postgres(admin.href, { max: 1, connect_timeout: 10, onnotice: () => {} });
	const drop = async (): Promise<void> => {
		await sql.unsafe(`drop database if exists ${PG_DATABASE} with (force)`);
	};
	try {
		await drop(); // a leftover from an interrupted run
		await sql.unsafe(`create database ${PG_DATABASE}`);
		onCleanup('drop database', drop);
		const url = new URL(admin.href);
		url.pathname = `/${PG_DATABASE}`;
		const server = startTrellis('trellis postgres', await freePort(), url.href);
		try {
			const ms = await timeToFirstResponse(server);
			emit({
				bench: 'server',
				figure: 'start_to_first_page_ms',
				value: round(ms),
				unit: 'ms',
				db: 'postgres'
			});
			await measureTrellis(server, 'postgres', baseline);
		} finally {
			await stopServer(server);
		}
	} finally {
		try {
			await drop();
			offCleanup('drop database');
		} finally {
			await sql.end({ timeout: 5 });
		}
	}
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	if (!existsSync(join(ROOT, 'build', 'handler.js')) || !existsSync(CLIENT_DIR)) {
		process.stderr.write(
			`No build found at ${join(ROOT, 'build')}. Run "npm run build" first (npm run bench does).\n`
		);
		process.exit(1);
	}
	if (process.platform !== 'linux') {
		process.stderr.write(
			'The memory figures read /proc/<pid>/status, so this runs on Linux only.\n'
		);
		process.exit(1);
	}

	let baseline: Memory | null = null;
	await part('pages', benchPages);
	await part('baseline', async () => {
		baseline = await benchBaseline();
	});
	await part('server pglite', () => benchPglite(baseline));
	await part('server postgres', () => benchPostgres(baseline));

	if (failures.length) {
		note(`failed: ${failures.join(', ')}`);
		process.exitCode = 1;
	} else {
		note('done');
	}
}

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

try {
	await main();
} catch (e) {
	note(`unexpected error: ${(e as Error).stack ?? e}`);
	process.exitCode = 1;
} finally {
	await cleanupAll();
}
