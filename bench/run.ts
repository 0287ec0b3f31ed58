// Trellis benchmark: page weight, server start time, memory and request latency on the embedded
// PostgreSQL (the default: the app starts it in DATA_DIR, here a temp directory) and on an
// external PostgreSQL, against a bare node:http baseline. Run after a build: `node bench/run.ts`.
//
// stdout: one JSON object per line, {"bench","figure","value","unit"[,"db","db_processes","runs"]};
// nothing else. stderr: progress and diagnostics. Exit code 1 if any part failed (the rest
// still runs).
//
// Memory: rss figures are the app process alone (VmRSS, VmHWM). *_pss_mb figures are the sum of
// Pss (/proc/<pid>/smaps_rollup) over the app and, on the embedded engine, every process of its
// database server (postmaster, backends, auxiliary processes, the watchdog shell):
// db_processes "embedded". On an external server only the app counts: db_processes "external".
//
// Everything binds and talks to 127.0.0.1 only, on ports 4400–4499; the embedded server listens
// on a Unix socket only. The PostgreSQL part needs a server at BENCH_PG_ADMIN_URL (default
// postgres://postgres@127.0.0.1:5432/postgres) that lets this user create and drop the
// database trellis_bench.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { assertServerStopped, withEmbeddedServer } from './lib/embedded.ts';
import { get, load, percentile } from './lib/http.ts';
import { emit, note, noteLoad, round, sleep } from './lib/log.ts';
import { pageWeight } from './lib/page-weight.ts';
import { BENCH_SECRET, seedLive } from './lib/live-seed.ts';
import { seedOutcomes } from './lib/outcomes-seed.ts';
import { seedWorkbook } from './lib/workbook-seed.ts';
import { seedHeavyPerson } from './lib/export-seed.ts';
import { renderCertificatePdf } from '../src/lib/server/certificates/render-certificate-pdf.ts';
import {
	childEnv,
	cleanUpOnSignalsAndExit,
	cleanupAll,
	freePort,
	makeDataDir,
	measurePss,
	offCleanup,
	onCleanup,
	procStatus,
	removeTempDir,
	spawnServer,
	stopServer,
	timeToFirstResponse,
	TRELLIS_STOP_MS
} from './lib/processes.ts';
import type { Pss, Server } from './lib/processes.ts';

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
// Starts on existing data are short and vary from run to run: the figure is their median.
const EXISTING_STARTS = 3;

type Db = 'embedded' | 'postgres';
type Memory = {
	idleRssMb: number;
	peakRssMb: number;
	/** The app with its embedded database processes, or the app alone on an external server. */
	idlePss: Pss;
	/** The same, right after the peak load. */
	loadedPss: Pss;
};
/** Where a Trellis under test keeps its data: an embedded server in `dataDir`, or a server at `url`. */
type Target = { db: 'embedded'; dataDir: string } | { db: 'postgres'; url: string };

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

/** Starts the built app on `target`: no DATABASE_URL for the embedded engine, only DATA_DIR. */
function startTrellis(
	name: string,
	port: number,
	target: Target,
	env: Record<string, string> = {}
): Server {
	return spawnServer({
		name,
		port,
		cwd: ROOT,
		args: [START_SCRIPT],
		env: childEnv({
			HOST: '127.0.0.1',
			PORT: String(port),
			...(target.db === 'embedded' ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.url }),
			LOG_LEVEL: 'warn',
			DEMO_SEED: 'auto',
			...env
		})
	});
}

/** Stops the app; on the embedded engine its database server must have stopped with it. */
async function stopTrellis(server: Server, target: Target): Promise<void> {
	await stopServer(server, TRELLIS_STOP_MS);
	if (target.db === 'embedded') await assertServerStopped(target.dataDir);
}

/** The data directories whose database processes count towards a Trellis's memory. */
const dbDirs = (target: Target | null): string[] =>
	target?.db === 'embedded' ? [target.dataDir] : [];

/**
 * The common memory protocol: WARM_REQUESTS sequential requests, IDLE_MS of quiet, then VmRSS
 * and Pss; then the peak load, then VmHWM and Pss again.
 */
async function measureMemory(
	server: Server,
	paths: string[],
	target: Target | null
): Promise<Memory> {
	await load(server.port, paths, WARM_REQUESTS, 1);
	await sleep(IDLE_MS);
	const idleRssMb = procStatus(server.pid).rssMb;
	const idlePss = await measurePss([server.pid], dbDirs(target));
	await load(server.port, paths, PEAK_REQUESTS_PER_PATH * paths.length, PEAK_CONCURRENCY);
	const peakRssMb = procStatus(server.pid).hwmMb;
	const loadedPss = await measurePss([server.pid], dbDirs(target));
	return { idleRssMb, peakRssMb, idlePss, loadedPss };
}

/** The engine /healthz reports; it must be the one the benchmark meant to start. */
async function assertEngine(server: Server, db: Db): Promise<void> {
	const res = await get(`http://127.0.0.1:${server.port}/healthz`);
	const body = JSON.parse(res.body.toString('utf8')) as { status?: string; db?: string };
	if (res.status !== 200 || body.status !== 'ok' || body.db !== db) {
		throw new Error(`/healthz answered ${res.status} ${JSON.stringify(body)}, expected db ${db}`);
	}
}

// ---------------------------------------------------------------------------------------------

async function benchPages(): Promise<void> {
	const port = await freePort();
	const dir = makeDataDir('trellis-bench-pages-');
	const target: Target = { db: 'embedded', dataDir: dir };
	const server = startTrellis('trellis pages', port, target);
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
			emitWeight(prefix, w);
		}
	} finally {
		try {
			await stopTrellis(server, target);
		} finally {
			removeTempDir(dir);
		}
	}
}

/** Emits a page's four weight figures under `prefix`. */
function emitWeight(prefix: string, w: Awaited<ReturnType<typeof pageWeight>>): void {
	emit({
		bench: 'pages',
		figure: `${prefix}_total_bytes_br`,
		value: w.totalBytesBr,
		unit: 'bytes'
	});
	emit({ bench: 'pages', figure: `${prefix}_js_bytes_br`, value: w.jsBytesBr, unit: 'bytes' });
	emit({ bench: 'pages', figure: `${prefix}_html_bytes_br`, value: w.htmlBytesBr, unit: 'bytes' });
	emit({
		bench: 'pages',
		figure: `${prefix}_html_bytes_wire`,
		value: w.htmlBytesWire,
		unit: 'bytes'
	});
}

/**
 * The live room's three pages during a session, as each person's browser loads them on a
 * first visit: the facilitators' console and projector, and a participant's page. A session
 * under way with 18 participants (the live benchmark's seed), signed in by cookie.
 */
async function benchLivePages(): Promise<void> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = makeDataDir('trellis-bench-live-pages-');
	const target: Target = { db: 'embedded', dataDir: dir };
	try {
		const seed = await withEmbeddedServer(dir, (url) =>
			seedLive(url, origin, 1, { slug: 'pages' })
		);
		const server = startTrellis('trellis live pages', port, target, {
			NODE_ENV: 'development',
			APP_ORIGIN: origin,
			AUTH_SECRET: BENCH_SECRET,
			DEMO_SEED: 'off'
		});
		try {
			await timeToFirstResponse(server, '/healthz');
			const session = seed.sessionIds[0];
			for (const [prefix, path, cookie] of [
				['live_console', `/live/${session}/console`, seed.lead],
				['live_projector', `/live/${session}/projector`, seed.lead],
				['live_participant', `/live/${session}`, seed.participants[0].cookie]
			] as const) {
				const w = await pageWeight(origin, path, CLIENT_DIR, { cookie });
				note(
					`${prefix}: html ${w.htmlBytesBr} B, ${w.assets.length} assets: ` +
						w.assets.map((a) => `${a.path} ${a.bytesBr} B (${a.source})`).join(', ')
				);
				emitWeight(prefix, w);
			}
		} finally {
			await stopTrellis(server, target);
		}
	} finally {
		removeTempDir(dir);
	}
}

// Programme report over 200 groups × 18 people with full outcome data (targets: ≤ 500 ms on
// the server, ≤ 60 KB compressed page without JavaScript); certificate PDF (≤ 300 ms, ≤ 150 KB).
const REPORT_COHORTS = 200;
const REPORT_RUNS = 7;

async function benchOutcomes(): Promise<void> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = makeDataDir('trellis-bench-outcomes-');
	const target: Target = { db: 'embedded', dataDir: dir };
	try {
		const admin = await withEmbeddedServer(dir, (url) => seedOutcomes(url, origin, REPORT_COHORTS));
		const server = startTrellis('trellis outcomes', port, target, {
			NODE_ENV: 'development',
			APP_ORIGIN: origin,
			AUTH_SECRET: BENCH_SECRET,
			DEMO_SEED: 'off'
		});
		try {
			await timeToFirstResponse(server, '/healthz');
			const times: number[] = [];
			for (let i = 0; i < REPORT_RUNS; i++) {
				const t0 = performance.now();
				const res = await fetch(`${origin}/admin/reports`, { headers: { cookie: admin } });
				await res.arrayBuffer();
				if (res.status !== 200) throw new Error(`/admin/reports answered ${res.status}`);
				times.push(performance.now() - t0);
			}
			emit({
				bench: 'outcomes',
				figure: 'programme_report_ms_p50',
				value: round(percentile(times, 50)),
				unit: 'ms',
				runs: REPORT_RUNS
			});
			emit({
				bench: 'outcomes',
				figure: 'programme_report_ms_max',
				value: round(Math.max(...times)),
				unit: 'ms',
				runs: REPORT_RUNS
			});
			const w = await pageWeight(origin, '/admin/reports', CLIENT_DIR, { cookie: admin });
			emitWeight('programme_report', w);
		} finally {
			await stopTrellis(server, target);
		}
	} finally {
		removeTempDir(dir);
	}
	const facts = {
		courseSlug: 'recovery-oriented-practice',
		courseVersion: 1,
		courseTitle: { en: 'Recovery-Oriented Practice', cs: 'Praxe zaměřená na zotavení' },
		organisation: 'Bench Recovery College',
		sessions: [0, 1, 2, 3].map((i) => ({
			number: i + 1,
			startsAt: new Date(Date.UTC(2026, 10, 2 + 7 * i, 17)).toISOString(),
			endsAt: new Date(Date.UTC(2026, 10, 2 + 7 * i, 20)).toISOString()
		})),
		minutesAttended: 540,
		sessionsAttended: 3,
		facilitators: ['Dana Novák', 'Олена Шевченко'],
		timeZone: 'Europe/Prague'
	};
	const pdfTimes: number[] = [];
	let bytes = 0;
	for (let i = 0; i < 11; i++) {
		const t0 = performance.now();
		const pdf = await renderCertificatePdf({
			name: 'Marta Nováková',
			facts,
			issuedAt: new Date(),
			verifyUrl: `https://trellis.example.org/verify/${'x'.repeat(43)}`,
			locale: i % 2 ? 'cs' : 'uk',
			timeZone: 'Europe/Prague'
		});
		pdfTimes.push(performance.now() - t0);
		bytes = Math.max(bytes, pdf.length);
	}
	emit({
		bench: 'outcomes',
		figure: 'certificate_pdf_ms_first',
		value: round(pdfTimes[0]),
		unit: 'ms'
	});
	emit({
		bench: 'outcomes',
		figure: 'certificate_pdf_ms_p50',
		value: round(percentile(pdfTimes.slice(1), 50)),
		unit: 'ms',
		runs: 10
	});
	emit({ bench: 'outcomes', figure: 'certificate_pdf_bytes', value: bytes, unit: 'bytes' });
}

/*
 * The workbook (issue #14) of a participant with 200 entries (50 per session, ten of them ties
 * on the community map): the first-visit weight of a session page, the server's p50 for it
 * (sequential requests, so the figure is the server's time and not a queue), and the time to
 * make the whole workbook's PDF.
 */
const WORKBOOK_ENTRIES = 200;
const WORKBOOK_REQUESTS = 200;
const WORKBOOK_PDFS = 10;

async function benchWorkbook(): Promise<void> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = makeDataDir('trellis-bench-workbook-');
	const target: Target = { db: 'embedded', dataDir: dir };
	try {
		const seed = await withEmbeddedServer(dir, async (url) => {
			const s = await seedLive(url, origin, 1, { slug: 'workbook' });
			await seedWorkbook(url, s.participants[0], WORKBOOK_ENTRIES);
			return s;
		});
		const server = startTrellis('trellis workbook', port, target, {
			NODE_ENV: 'development',
			APP_ORIGIN: origin,
			AUTH_SECRET: BENCH_SECRET,
			DEMO_SEED: 'off'
		});
		try {
			await timeToFirstResponse(server, '/healthz');
			const p = seed.participants[0];
			const base = `/cohorts/${p.cohortId}/workbook`;
			for (const [prefix, path] of [
				['workbook_session', `${base}/sessions/1`],
				['workbook_map', `${base}/sessions/2`]
			] as const) {
				const w = await pageWeight(origin, path, CLIENT_DIR, { cookie: p.cookie });
				note(`${prefix}: html ${w.htmlBytesBr} B, ${w.assets.length} assets`);
				emitWeight(prefix, w);
			}
			const headers = { cookie: p.cookie };
			const time = async (path: string, n: number) => {
				const ms: number[] = [];
				for (let i = 0; i < n; i++) {
					const t = performance.now();
					const r = await get(`${origin}${path}`, { headers });
					if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
					ms.push(performance.now() - t);
				}
				return ms;
			};
			await time(`${base}/sessions/2`, 20);
			const page = await time(`${base}/sessions/2`, WORKBOOK_REQUESTS);
			emit({
				bench: 'workbook',
				figure: 'session_page_p50_ms',
				value: round(percentile(page, 50)),
				unit: 'ms',
				runs: WORKBOOK_REQUESTS
			});
			emit({
				bench: 'workbook',
				figure: 'session_page_p95_ms',
				value: round(percentile(page, 95)),
				unit: 'ms',
				runs: WORKBOOK_REQUESTS
			});
			const pdf = await time(`${base}/workbook.pdf`, WORKBOOK_PDFS);
			emit({
				bench: 'workbook',
				figure: 'pdf_p50_ms',
				value: round(percentile(pdf, 50)),
				unit: 'ms',
				runs: WORKBOOK_PDFS
			});
			emit({
				bench: 'workbook',
				figure: 'pdf_max_ms',
				value: round(Math.max(...pdf)),
				unit: 'ms',
				runs: WORKBOOK_PDFS
			});
		} finally {
			await stopTrellis(server, target);
		}
	} finally {
		removeTempDir(dir);
	}
}

/*
 * The self-service data export (issue #16) of the heaviest realistic person: three groups,
 * each with a 200-entry workbook and five map snapshots, all sessions attended, 40 live
 * answers in each of 12 sessions, a certificate and both questionnaires; a year of emails and
 * of audit rows (bench/lib/export-seed.ts). The target is at most 60 s. The baseline, measured
 * in the same run on the same server: the export of a person with places in the same three
 * groups and nothing else. Each export is a POST of the profile's form; every run is timed,
 * the first (cold) one included.
 */
const EXPORT_RUNS = 3;

async function benchExport(): Promise<void> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = makeDataDir('trellis-bench-export-');
	const target: Target = { db: 'embedded', dataDir: dir };
	try {
		const seed = await withEmbeddedServer(dir, async (url) => {
			const s = await seedLive(url, origin, 3, { slug: 'export' });
			const heavy = s.participants[0];
			const light = s.participants.find((p) => p.userId !== heavy.userId)!;
			const cohortIds = [
				...new Set(s.participants.filter((p) => p.userId === heavy.userId).map((p) => p.cohortId))
			];
			const t = performance.now();
			await seedHeavyPerson(url, BENCH_SECRET, { userId: heavy.userId, cohortIds, slug: 'export' });
			note(`export: heavy person seeded in ${round((performance.now() - t) / 1000)} s`);
			return { heavy, light };
		});
		const server = startTrellis('trellis export', port, target, {
			NODE_ENV: 'development',
			APP_ORIGIN: origin,
			AUTH_SECRET: BENCH_SECRET,
			DEMO_SEED: 'off'
		});
		try {
			await timeToFirstResponse(server, '/healthz');
			const exportOnce = async (cookie: string) => {
				const t = performance.now();
				const res = await fetch(`${origin}/profile/export`, {
					method: 'POST',
					headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
					body: '',
					redirect: 'manual'
				});
				const body = new Uint8Array(await res.arrayBuffer());
				if (res.status !== 200) throw new Error(`POST /profile/export: ${res.status}`);
				return { ms: performance.now() - t, bytes: body.length };
			};
			const runs = async (cookie: string) => {
				const out: { ms: number; bytes: number }[] = [];
				for (let i = 0; i < EXPORT_RUNS; i++) out.push(await exportOnce(cookie));
				return out;
			};
			const light = await runs(seed.light.cookie);
			const heavy = await runs(seed.heavy.cookie);
			const lightP50 = percentile(
				light.map((r) => r.ms),
				50
			);
			const heavyP50 = percentile(
				heavy.map((r) => r.ms),
				50
			);
			const heavyMax = Math.max(...heavy.map((r) => r.ms));
			note(`export: heavy ${round(heavyMax)} ms max, light ${round(lightP50)} ms p50`);
			emit({
				bench: 'export',
				figure: 'baseline_light_person_p50_ms',
				value: round(lightP50),
				unit: 'ms',
				runs: EXPORT_RUNS
			});
			emit({
				bench: 'export',
				figure: 'heavy_person_p50_ms',
				value: round(heavyP50),
				unit: 'ms',
				runs: EXPORT_RUNS
			});
			emit({
				bench: 'export',
				figure: 'heavy_person_max_ms',
				value: round(heavyMax),
				unit: 'ms',
				runs: EXPORT_RUNS
			});
			emit({
				bench: 'export',
				figure: 'heavy_person_ratio_to_baseline',
				value: round(heavyP50 / lightP50, 2),
				unit: 'x'
			});
			emit({
				bench: 'export',
				figure: 'heavy_person_zip_bytes',
				value: heavy[0].bytes,
				unit: 'bytes'
			});
		} finally {
			await stopTrellis(server, target);
		}
	} finally {
		removeTempDir(dir);
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
		const mem = await measureMemory(server, ['/', '/sign-in'], null);
		emit({
			bench: 'baseline',
			figure: 'idle_rss_mb',
			value: round(mem.idleRssMb),
			unit: 'MB',
			db: 'none'
		});
		emit({
			bench: 'baseline',
			figure: 'idle_pss_mb',
			value: round(mem.idlePss.totalMb),
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
async function measureTrellis(
	server: Server,
	target: Target,
	baseline: Memory | null
): Promise<void> {
	const { db } = target;
	const mem = await measureMemory(server, ['/', '/sign-in'], target);
	emit({ bench: 'server', figure: 'idle_rss_mb', value: round(mem.idleRssMb), unit: 'MB', db });
	emit({ bench: 'server', figure: 'peak_rss_mb', value: round(mem.peakRssMb), unit: 'MB', db });
	const db_processes = db === 'embedded' ? 'embedded' : 'external';
	note(
		`${db}: idle Pss app ${round(mem.idlePss.appMb)} MB + database ${round(mem.idlePss.dbMb)} MB ` +
			`(${mem.idlePss.processes} processes); after load app ${round(mem.loadedPss.appMb)} MB + ` +
			`database ${round(mem.loadedPss.dbMb)} MB (${mem.loadedPss.processes} processes)`
	);
	emit({
		bench: 'server',
		figure: 'idle_total_pss_mb',
		value: round(mem.idlePss.totalMb),
		unit: 'MB',
		db,
		db_processes
	});
	if (db === 'embedded') {
		emit({
			bench: 'server',
			figure: 'idle_app_pss_mb',
			value: round(mem.idlePss.appMb),
			unit: 'MB',
			db
		});
		emit({
			bench: 'server',
			figure: 'idle_db_pss_mb',
			value: round(mem.idlePss.dbMb),
			unit: 'MB',
			db,
			db_processes
		});
	}
	emit({
		bench: 'server',
		figure: 'after_load_total_pss_mb',
		value: round(mem.loadedPss.totalMb),
		unit: 'MB',
		db,
		db_processes
	});
	if (baseline) {
		const ratio = mem.idleRssMb / baseline.idleRssMb;
		emit({
			bench: 'server',
			figure: 'idle_rss_ratio_to_bare_node',
			value: round(ratio, 2),
			unit: 'x',
			db
		});
		emit({
			bench: 'server',
			figure: 'idle_total_pss_ratio_to_bare_node',
			value: round(mem.idlePss.totalMb / baseline.idlePss.totalMb, 2),
			unit: 'x',
			db,
			db_processes
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

async function benchEmbedded(baseline: Memory | null): Promise<void> {
	const dir = makeDataDir('trellis-bench-');
	const target: Target = { db: 'embedded', dataDir: dir };
	try {
		// Empty directory: initdb, server start, migrations and the demo seed all run before the
		// first answer. Measured from spawn to the first 200 on /healthz and then on /sign-in.
		const fresh = startTrellis('trellis embedded fresh', await freePort(), target);
		try {
			await timeToFirstResponse(fresh, '/healthz');
			const ms = await timeToFirstResponse(fresh, '/sign-in');
			await assertEngine(fresh, 'embedded');
			if (!/Demo organisation seeded/.test(fresh.output())) {
				throw new Error(`the first start did not seed the demo:\n${fresh.output()}`);
			}
			emit({
				bench: 'server',
				figure: 'start_to_first_page_ms_fresh',
				value: round(ms),
				unit: 'ms',
				db: 'embedded'
			});
			await measureTrellis(fresh, target, baseline);
		} finally {
			await stopTrellis(fresh, target);
		}
		// Starts on the same directory: nothing to create, migrate or seed.
		const times: number[] = [];
		for (let i = 0; i < EXISTING_STARTS; i++) {
			const again = startTrellis(`trellis embedded existing ${i + 1}`, await freePort(), target);
			try {
				times.push(await timeToFirstResponse(again));
			} finally {
				await stopTrellis(again, target);
			}
		}
		note(`embedded: starts on existing data ${times.map((t) => `${round(t)} ms`).join(', ')}`);
		emit({
			bench: 'server',
			figure: 'start_to_first_page_ms_existing',
			value: round(percentile(times, 50)),
			unit: 'ms',
			db: 'embedded',
			runs: times.length
		});
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
		const target: Target = { db: 'postgres', url: url.href };
		const server = startTrellis('trellis postgres', await freePort(), target);
		try {
			const ms = await timeToFirstResponse(server);
			await assertEngine(server, 'postgres');
			emit({
				bench: 'server',
				figure: 'start_to_first_page_ms',
				value: round(ms),
				unit: 'ms',
				db: 'postgres'
			});
			await measureTrellis(server, target, baseline);
		} finally {
			await stopTrellis(server, target);
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
			'The memory figures read /proc/<pid>/status and smaps_rollup, so this runs on Linux only.\n'
		);
		process.exit(1);
	}

	noteLoad('start');
	let baseline: Memory | null = null;
	await part('pages', benchPages);
	await part('pages live', benchLivePages);
	await part('outcomes', benchOutcomes);
	await part('workbook', benchWorkbook);
	await part('export', benchExport);
	await part('baseline', async () => {
		baseline = await benchBaseline();
	});
	await part('server embedded', () => benchEmbedded(baseline));
	await part('server postgres', () => benchPostgres(baseline));

	noteLoad('end');
	if (failures.length) {
		note(`failed: ${failures.join(', ')}`);
		process.exitCode = 1;
	} else {
		note('done');
	}
}

cleanUpOnSignalsAndExit();

try {
	await main();
} catch (e) {
	note(`unexpected error: ${(e as Error).stack ?? e}`);
	process.exitCode = 1;
} finally {
	await cleanupAll();
}
