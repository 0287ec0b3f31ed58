// npm run bench:live — live-room delivery under load, on loopback only.
//
// Seeds N cohorts × 18 participants, starts Trellis, opens one event stream per participant,
// then: facilitator actions on every session (delivery latency to every client), a burst of
// answers (acknowledgement latency, 10 % resent with the same client id), forced reconnects
// with Last-Event-ID (lost and duplicated events). The same clients and rounds run against a
// bare event-stream broadcaster in the same run, as the baseline. One JSON object per line on
// stdout. BENCH_SESSIONS (default 100), BENCH_ROUNDS (default 10), BENCH_LIVE_PG=off skips
// the two-instance PostgreSQL run.
//
// The embedded run starts one app with DATA_DIR=<temp dir> and no DATABASE_URL, as a default
// install does. The seed runs on an embedded server started here on that directory before the
// app starts (one process at a time may run a data directory); the final count reaches the
// server the app runs, through its socket. total_pss_mb sums Pss over the app and, on the
// embedded engine, all its database processes (db_processes "embedded"): idle after start and
// the largest sample while the streams are open; on an external server the apps alone
// (db_processes "external").
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inflateRawSync } from 'node:zlib';
import postgres from 'postgres';
import { connect } from '../src/lib/server/db/client.ts';
import { assertServerStopped, runningAppDatabase, withEmbeddedServer } from './lib/embedded.ts';
import { get, percentile } from './lib/http.ts';
import { pageWeight } from './lib/page-weight.ts';
import { note, noteLoad, round, sleep } from './lib/log.ts';
import {
	childEnv,
	cleanUpOnSignalsAndExit,
	cleanupAll,
	freePort,
	makeDataDir,
	measurePss,
	procStatus,
	removeTempDir,
	samplePss,
	spawnServer,
	stopServer,
	timeToFirstResponse,
	TRELLIS_STOP_MS,
	waitForPort,
	type Server
} from './lib/processes.ts';
import { BENCH_SECRET, seedLive } from './lib/live-seed.ts';
import { coalesceRefreshes } from '../src/lib/live/coalesce-refreshes.ts';
import { PARTICIPANT_EVENT_KINDS } from '../src/lib/live/live-events.ts';

const ROOT = join(import.meta.dirname, '..');
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PG_ADMIN = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// A real session: ~13 agenda parts, activities started, closed and revealed, timers, moments.
const EVENTS_PER_HOUR = 120;
// The second series spreads each round's actions over this window: 100 sessions acting
// within a second is still ~30 times the rate of real sessions (120 events an hour each).
const SPREAD_MS = 1000;
const BURST_MS = Number(process.env.BENCH_BURST_MS ?? 5000);
/* The languages participants read the room in, in turn within each session. */
const LOCALES = (process.env.BENCH_LOCALES ?? 'en').split(',');

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function out(figure: string, value: number, unit: string, extra: Record<string, unknown>) {
	process.stdout.write(`${JSON.stringify({ bench: 'live', figure, value, unit, ...extra })}\n`);
}

type Client = {
	session: string;
	received: Map<number, number>;
	dupes: number;
	bytes: number;
	lastId: number;
	req?: http.ClientRequest;
	/** Set while the screen is measured: refreshes the page on news, as live-room.js does. */
	screen?: Screen;
};

/*
 * What a participant's browser does with JavaScript (src/lib/live/room/live-room.ts, ADR
 * 025): after news the stream brings the shared panel, which it unpacks and shows; only when
 * the server sends "refresh" instead does it ask the shared coalescer for a refresh, which
 * gathers for 150 ms and then fetches the whole live page. `shownAt` is when the first panel,
 * or the first refresh that started after `since`, arrived: when the person sees the change.
 */
type Screen = {
	coalescer: ReturnType<typeof coalesceRefreshes>;
	since: number;
	shownAt: number | undefined;
	/** Page fetches and their bytes; panels are counted with the stream's bytes. */
	bytes: number;
	refreshes: number;
	panels: number;
	/** Participant events received while the screen was watched. */
	events: number;
};
const PARTICIPANT_KINDS = new Set<string>(PARTICIPANT_EVENT_KINDS);

function watchScreen(c: Client, port: number, cookie: string) {
	const screen: Screen = {
		since: Infinity,
		shownAt: undefined,
		bytes: 0,
		refreshes: 0,
		panels: 0,
		events: 0,
		coalescer: coalesceRefreshes(async () => {
			const started = performance.now();
			const r = await get(`http://127.0.0.1:${port}/live/${c.session}`, {
				agent,
				headers: { cookie, accept: 'text/html', 'accept-encoding': 'br' }
			});
			if (r.status !== 200) throw new Error(`live page: HTTP ${r.status}`);
			screen.bytes += r.body.length + 200; // the body as sent, and about 200 B of headers
			screen.refreshes++;
			if (started >= screen.since) screen.shownAt ??= performance.now();
		})
	};
	c.screen = screen;
}

/* A frame without an id: the shared panel (unpacked, as the browser does) or "refresh". */
function onPanelFrame(c: Client, frame: string) {
	const kind = /^event: (.+)$/m.exec(frame)?.[1];
	if (!c.screen || (kind !== 'panel' && kind !== 'refresh')) return;
	if (kind === 'refresh') return c.screen.coalescer.request();
	const html = inflateRawSync(Buffer.from(/^data: (.*)$/m.exec(frame)![1], 'base64')).toString();
	if (!html.includes('id="live-shared"')) throw new Error('a panel frame without the panel');
	c.screen.panels++;
	if (performance.now() >= c.screen.since) c.screen.shownAt ??= performance.now();
}

function openStream(port: number, path: string, cookie: string, c: Client): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				path,
				agent,
				headers: { accept: 'text/event-stream', cookie, 'last-event-id': String(c.lastId) }
			},
			(res) => {
				if (res.statusCode !== 200) return reject(new Error(`stream ${path}: ${res.statusCode}`));
				let buf = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					c.bytes += Buffer.byteLength(chunk);
					buf += chunk;
					let i;
					while ((i = buf.indexOf('\n\n')) >= 0) {
						const frame = buf.slice(0, i);
						buf = buf.slice(i + 2);
						const m = /^id: (\d+)$/m.exec(frame);
						if (!m) {
							onPanelFrame(c, frame);
							continue;
						}
						const id = Number(m[1]);
						if (c.received.has(id)) c.dupes++;
						else c.received.set(id, performance.now());
						c.lastId = Math.max(c.lastId, id);
						const kind = /^event: (.+)$/m.exec(frame)?.[1];
						if (c.screen && kind && PARTICIPANT_KINDS.has(kind)) c.screen.events++;
					}
				});
				res.on('error', () => {});
				resolve();
			}
		);
		req.on('error', (e) => reject(e));
		req.setTimeout(60_000, () => reject(new Error(`stream ${path}: no answer in 60 s`)));
		req.end();
		c.req = req;
	});
}

function post(
	port: number,
	path: string,
	cookie: string,
	form: Record<string, string>,
	t0 = performance.now()
): Promise<{ status: number; ms: number }> {
	const body = new URLSearchParams(form).toString();
	return new Promise<{ status: number; ms: number }>((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				path,
				method: 'POST',
				agent,
				headers: {
					cookie,
					origin: `http://127.0.0.1:${port}`,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body)
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
			}
		);
		// A kept-alive connection the server closed as this request went out: the request never
		// reached it, so it is sent again on a new one (as Node's documentation advises).
		req.on('error', (e: NodeJS.ErrnoException) =>
			req.reusedSocket && e.code === 'ECONNRESET'
				? post(port, path, cookie, form, t0).then(resolve, reject)
				: reject(e)
		);
		req.end(body);
	});
}

/**
 * Rounds of "one action per session, wait until every client has it". With `spreadMs`, each
 * session acts at a random moment within that window instead of all in the same instant.
 */
async function rounds(
	clients: Client[],
	sessions: string[],
	act: (session: string) => Promise<void>,
	n: number,
	opts: { midway?: () => Promise<void>; spreadMs?: number } = {}
) {
	const { midway, spreadMs = 0 } = opts;
	const latencies: number[] = [];
	for (let r = 0; r < n; r++) {
		if (midway && r === Math.floor(n / 2)) await midway();
		const before = new Map(clients.map((c) => [c, c.lastId]));
		const t0 = new Map<string, number>();
		await Promise.all(
			sessions.map(async (s) => {
				if (spreadMs) await sleep(Math.random() * spreadMs);
				t0.set(s, performance.now());
				await act(s);
			})
		);
		const deadline = performance.now() + 10_000;
		while (performance.now() < deadline && clients.some((c) => c.lastId <= before.get(c)!)) {
			await sleep(5);
		}
		for (const c of clients) {
			const at = [...c.received].find(([id]) => id > before.get(c)!)?.[1];
			if (at !== undefined) latencies.push(at - t0.get(c.session)!);
		}
		await sleep(200);
	}
	return latencies;
}

/**
 * As `rounds`, measured to the screen: from each session's action until each of its clients
 * has fetched the page that shows it.
 */
async function screenRounds(
	clients: Client[],
	sessions: string[],
	act: (session: string) => Promise<void>,
	n: number,
	spreadMs: number
) {
	const latencies: number[] = [];
	for (let r = 0; r < n; r++) {
		const t0 = new Map<string, number>();
		for (const c of clients) {
			c.screen!.since = Infinity;
			c.screen!.shownAt = undefined;
		}
		await Promise.all(
			sessions.map(async (s) => {
				if (spreadMs) await sleep(Math.random() * spreadMs);
				const at = performance.now();
				t0.set(s, at);
				for (const c of clients) if (c.session === s) c.screen!.since = at;
				await act(s);
			})
		);
		const deadline = performance.now() + 20_000;
		while (performance.now() < deadline && clients.some((c) => c.screen!.shownAt === undefined)) {
			await sleep(5);
		}
		for (const c of clients) {
			const shown = c.screen!.shownAt;
			latencies.push(shown === undefined ? 20_000 : shown - t0.get(c.session)!);
		}
		await sleep(300);
	}
	return latencies;
}

const BARE = `
const http = require('node:http');
const subs = new Map(); let id = 0;
http.createServer((req, res) => {
  const [, kind, s] = req.url.split('/');
  if (kind === 'events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('retry: 2000\\n\\n');
    if (!subs.has(s)) subs.set(s, new Set());
    subs.get(s).add(res); req.on('close', () => subs.get(s).delete(res));
  } else {
    req.resume(); req.on('end', () => {
      id++;
      const frame = 'id: ' + id + '\\nevent: state\\ndata: {"blockIndex":1,"activity":null,"timerEndsAt":null}\\n\\n';
      for (const r of subs.get(s) ?? []) r.write(frame);
      res.writeHead(204); res.end();
    });
  }
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function runBaseline(streams: number) {
	const port = await freePort();
	const server = spawnServer({
		name: 'bare sse',
		port,
		args: ['-e', BARE],
		env: childEnv({ PORT: String(port) }),
		cwd: ROOT
	});
	try {
		await waitForPort(server);
		const sessions = Array.from({ length: SESSIONS }, (_, i) => `s${i}`);
		const clients: Client[] = [];
		for (const s of sessions) {
			for (let p = 0; p < 18; p++) {
				const c = newClient(s);
				clients.push(c);
				await openStream(port, `/events/${s}`, '', c);
			}
		}
		const act = async (s: string) => void (await post(port, `/broadcast/${s}`, '', {}));
		const lat = await rounds(clients, sessions, act, ROUNDS);
		const spread = await rounds(clients, sessions, act, ROUNDS, { spreadMs: SPREAD_MS });
		return {
			p50: percentile(lat, 50),
			p95: percentile(lat, 95),
			p99: percentile(lat, 99),
			spreadP99: percentile(spread, 99),
			rss: procStatus(server.pid).rssMb,
			streams
		};
	} finally {
		await stopServer(server);
	}
}

function newClient(session: string): Client {
	const c: Client = {
		session,
		received: new Map(),
		dupes: 0,
		bytes: 0,
		lastId: 0
	};
	return c;
}

type Db = 'embedded' | 'postgres';
/** Where a Trellis under test keeps its data: an embedded server in `dataDir`, or a server at `url`. */
type Target = { db: 'embedded'; dataDir: string } | { db: 'postgres'; url: string };

function startTrellis(name: string, port: number, target: Target): Server {
	return spawnServer({
		name,
		port,
		args: ['scripts/start.js'],
		env: childEnv({
			NODE_ENV: 'development',
			HOST: '127.0.0.1',
			PORT: String(port),
			APP_ORIGIN: `http://127.0.0.1:${port}`,
			...(target.db === 'embedded' ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.url }),
			AUTH_SECRET: BENCH_SECRET,
			LOG_LEVEL: 'warn',
			RATE_LIMIT_SCALE: '1000',
			DEMO_SEED: 'off',
			// e.g. BENCH_SERVER_NODE_OPTIONS=--cpu-prof to see where the server spends its time
			...(process.env.BENCH_SERVER_NODE_OPTIONS
				? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
				: {})
		}),
		cwd: ROOT
	});
}

async function runTrellis(db: Db, instances: 1 | 2) {
	let target: Target;
	let dropDb: (() => Promise<void>) | undefined;
	if (db === 'embedded') {
		// One data directory belongs to one process: a second instance needs an external server.
		if (instances !== 1) {
			throw new Error('the embedded engine runs one instance per data directory');
		}
		target = { db, dataDir: makeDataDir('trellis-live-') };
	} else {
		const name = `trellis_bench_live_${Date.now()}`;
		const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const u = new URL(PG_ADMIN);
		u.pathname = `/${name}`;
		target = { db, url: u.href };
		dropDb = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	const ports = [await freePort(), await freePort()];
	note(`seeding ${SESSIONS} sessions × 18 participants on ${db}…`);
	const origin = `http://127.0.0.1:${ports[0]}`;
	const seed =
		target.db === 'embedded'
			? await withEmbeddedServer(target.dataDir, (url) => seedLive(url, origin, SESSIONS))
			: await seedLive(target.url, origin, SESSIONS);
	const servers = [startTrellis(`trellis ${db} A`, ports[0], target)];
	if (instances === 2) servers.push(startTrellis(`trellis ${db} B`, ports[1], target));
	const appPids = servers.map((s) => s.pid);
	const dbDirs = target.db === 'embedded' ? [target.dataDir] : [];
	let sampler: ReturnType<typeof samplePss> | undefined;
	try {
		for (const s of servers) {
			await timeToFirstResponse(s, '/healthz', 60_000);
			const health = await get(`http://127.0.0.1:${s.port}/healthz`);
			const kind = (JSON.parse(health.body.toString('utf8')) as { db?: string }).db;
			if (kind !== db) throw new Error(`${s.name}: /healthz says db ${kind}, expected ${db}`);
		}
		// Idle: started, before any traffic beyond the readiness checks.
		await sleep(1000);
		const idlePss = await measurePss(appPids, dbDirs);
		sampler = samplePss(appPids, dbDirs);
		// What a participant's phone downloads on a first visit to the live room.
		const weight = await pageWeight(
			`http://127.0.0.1:${ports[0]}`,
			`/live/${seed.sessionIds[0]}`,
			join(ROOT, 'build', 'client'),
			{ cookie: seed.participants[0].cookie }
		);
		note(
			`live page: html ${weight.htmlBytesWire} B as sent; ` +
				weight.assets.map((a) => `${a.path} ${a.bytesBr} B`).join(', ')
		);
		const actPort = ports[0];
		// As the room's script opens it: asking for shared panels (ADR 025).
		const streamPath = (c: Client) => `/live/${c.session}/events?panels=1`;
		const streamPort = instances === 2 ? ports[1] : ports[0];
		const clients: { c: Client; cookie: string }[] = [];
		// Each session's people read the room in these languages in turn: a group that mixes
		// languages costs one shared panel per language (ADR 025).
		seed.participants.forEach((p, i) => {
			const locale = LOCALES[i % LOCALES.length];
			clients.push({ c: newClient(p.session), cookie: `${p.cookie}; trellis_locale=${locale}` });
		});
		const t0 = performance.now();
		// People arrive over minutes, not in one instant: open streams in batches of 100.
		for (let i = 0; i < clients.length; i += 100) {
			await Promise.all(
				clients
					.slice(i, i + 100)
					.map(({ c, cookie }) => openStream(streamPort, streamPath(c), cookie, c))
			);
		}
		note(`${clients.length} streams open in ${round(performance.now() - t0)} ms`);
		await sleep(1000);
		// With every stream open and nothing happening yet: what holding them costs.
		const streamsPss = await measurePss(appPids, dbDirs);
		const all = clients.map((x) => x.c);
		// How long the facilitators' own requests take in the burst rounds: the part of the
		// delivery time spent before the event exists.
		let actionMs: number[] | null = null;
		const act = (action: string) => async (s: string) => {
			const r = await post(actPort, `/live/${s}/console`, seed.lead, { action });
			if (r.status >= 400) throw new Error(`facilitator ${action}: ${r.status}`);
			actionMs?.push(r.ms);
		};
		// Half way, 10 % of streams are cut and come back with Last-Event-ID.
		const reconnect = async () => {
			const cut = clients.filter((_, i) => i % 10 === 0);
			for (const { c } of cut) c.req?.destroy();
			await sleep(100);
			await Promise.all(
				cut.map(({ c, cookie }) => openStream(streamPort, streamPath(c), cookie, c))
			);
		};
		const runStart = performance.now();
		// Burst first, on the opening check-in: every participant answers within BURST_MS (the
		// target's "1,800 submissions within 5 s"; BENCH_BURST_MS=0 sends all in one instant);
		// 10 % resend the same answer with the same client id.
		await rounds(all, seed.sessionIds, act('start'), 1);
		const acks: number[] = [];
		const statuses = new Map<number, number>();
		const ids = clients.map(() => randomUUID());
		await Promise.all(
			clients.map(async ({ c, cookie }, i) => {
				if (BURST_MS) await sleep((i / clients.length) * BURST_MS);
				const form = { clientId: ids[i], blockId: 'welcome', word: `w${i % 7}` };
				const r = await post(actPort, `/live/${c.session}?/answer`, cookie, form);
				acks.push(r.ms);
				statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
				if (i % 10 === 0) await post(actPort, `/live/${c.session}?/answer`, cookie, form);
			})
		);
		note(`answer responses by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
		actionMs = [];
		const lat = await rounds(all, seed.sessionIds, act('next'), ROUNDS, { midway: reconnect });
		const burstActions = actionMs;
		actionMs = null;
		const spread = await rounds(all, seed.sessionIds, act('next'), ROUNDS, {
			spreadMs: SPREAD_MS
		});
		// Measured to the screen: every client now refreshes its page on news, as browsers do.
		for (const { c, cookie } of clients) watchScreen(c, streamPort, cookie);
		const screenSpread = await screenRounds(all, seed.sessionIds, act('next'), ROUNDS, SPREAD_MS);
		const screenBurst = await screenRounds(all, seed.sessionIds, act('next'), ROUNDS, 0);
		const refreshBytes = all.reduce((n, c) => n + c.screen!.bytes, 0);
		const refreshCount = all.reduce((n, c) => n + c.screen!.refreshes, 0);
		const panelCount = all.reduce((n, c) => n + c.screen!.panels, 0);
		const screenEvents = all.reduce((n, c) => n + c.screen!.events, 0);
		note(
			`while the screen was measured: ${screenEvents} participant events, ${panelCount} panels, ${refreshCount} page fetches`
		);
		for (const c of all) c.screen!.coalescer.stop();
		await sleep(1500);
		const rss = procStatus(servers[0].pid).rssMb;
		const atStreams = await measurePss(appPids, dbDirs);
		// With JavaScript, every event makes each participant's browser fetch the live page
		// again (ADR 015). What one such fetch costs the server, one at a time, with all
		// 1,800 streams still open:
		const refresh: number[] = [];
		for (let i = 0; i < 200; i++) {
			const { c, cookie } = clients[(i * 97) % clients.length];
			const t = performance.now();
			const r = await get(`http://127.0.0.1:${streamPort}/live/${c.session}`, {
				headers: { cookie, 'accept-encoding': 'br' }
			});
			if (r.status !== 200) throw new Error(`live page: HTTP ${r.status}`);
			refresh.push(performance.now() - t);
		}
		const runSeconds = (performance.now() - runStart) / 1000;
		const sampled = await sampler.stop();
		sampler = undefined;
		const peakPss = sampled && sampled.totalMb > atStreams.totalMb ? sampled : atStreams;
		// Lost: events of the session the stream should have had (audience all) but never got.
		// Counted while the apps still run: on the embedded engine, through the app's server.
		let lost = 0;
		let dupes = 0;
		const sql = await connect(
			target.db === 'embedded' ? runningAppDatabase(target.dataDir) : target.url,
			{ max: 1 }
		);
		let stored: number;
		try {
			const rows = await sql<
				{ s: string; id: string }[]
			>`select cohort_session_id as s, id from live_events where audience = 'all'`;
			const bySession = new Map<string, number[]>();
			for (const r of rows) bySession.set(r.s, [...(bySession.get(r.s) ?? []), Number(r.id)]);
			for (const c of all) {
				lost += (bySession.get(c.session) ?? []).filter((id) => !c.received.has(id)).length;
			}
			stored = Number((await sql`select count(*)::int as n from live_answers`)[0].n);
		} finally {
			await sql.end({ timeout: 5 });
		}
		await Promise.all(servers.map((s) => stopServer(s, TRELLIS_STOP_MS)));
		if (target.db === 'embedded') await assertServerStopped(target.dataDir);
		for (const c of all) dupes += c.dupes;
		const events = all.reduce((n, c) => n + c.received.size, 0) / all.length;
		const bytes = all.reduce((n, c) => n + c.bytes, 0) / all.length;
		const perEvent = bytes / Math.max(1, events);
		return {
			p50: percentile(lat, 50),
			p95: percentile(lat, 95),
			p99: percentile(lat, 99),
			spreadP99: percentile(spread, 99),
			actionP50: percentile(burstActions, 50),
			actionP99: percentile(burstActions, 99),
			screenSpreadP50: percentile(screenSpread, 50),
			screenSpreadP99: percentile(screenSpread, 99),
			screenBurstP50: percentile(screenBurst, 50),
			screenBurstP99: percentile(screenBurst, 99),
			bytesPerRefresh: refreshBytes / Math.max(1, refreshCount),
			/** Page-fetch bytes per participant event (panels are in the stream's bytes). */
			refreshBytesPerEvent: refreshBytes / Math.max(1, screenEvents),
			panelsPerEvent: panelCount / Math.max(1, screenEvents),
			ackP99: percentile(acks, 99),
			ackP50: percentile(acks, 50),
			refreshP50: percentile(refresh, 50),
			refreshP99: percentile(refresh, 99),
			lost,
			dupes,
			stored,
			expectedStored: clients.length,
			rss,
			idlePss,
			streamsPss,
			peakPss,
			perEvent,
			runSeconds,
			streams: clients.length,
			weight
		};
	} catch (e) {
		// What the servers said last usually names the cause (their logs go to stdout).
		for (const s of servers) note(`${s.name} output, last lines:\n${s.output().slice(-3000)}`);
		throw e;
	} finally {
		await sampler?.stop();
		await Promise.all(servers.map((s) => stopServer(s, TRELLIS_STOP_MS)));
		if (target.db === 'embedded') removeTempDir(target.dataDir);
		await dropDb?.();
	}
}

async function main() {
	noteLoad('start');
	const base = await runBaseline(SESSIONS * 18);
	const runs: [Db, 1 | 2][] = [['embedded', 1]];
	if (process.env.BENCH_LIVE_PG !== 'off') runs.push(['postgres', 2]);
	for (const [db, instances] of runs) {
		const r = await runTrellis(db, instances);
		const x = { streams: r.streams, db, instances, locales: LOCALES.join(',') };
		out('p50_ms', round(r.p50), 'ms', x);
		out('p95_ms', round(r.p95), 'ms', x);
		out('p99_ms', round(r.p99), 'ms', x);
		// The facilitator's request itself (until its redirect arrives), in the same burst.
		out('action_p50_ms', round(r.actionP50), 'ms', { ...x, phase: 'burst' });
		out('action_p99_ms', round(r.actionP99), 'ms', { ...x, phase: 'burst' });
		out('lost', r.lost, 'events', x);
		out('duplicated', r.dupes, 'events', x);
		out('ack_p50_ms', round(r.ackP50), 'ms', { ...x, burst_ms: BURST_MS });
		out('ack_p99_ms', round(r.ackP99), 'ms', { ...x, burst_ms: BURST_MS });
		out('answers_stored', r.stored, 'rows', { ...x, expected: r.expectedStored });
		out('rss_mb', round(r.rss), 'MB', x);
		const pss = { ...x, db_processes: db === 'embedded' ? 'embedded' : 'external' };
		out('total_pss_mb', round(r.idlePss.totalMb), 'MB', {
			...pss,
			at: 'idle',
			processes: r.idlePss.processes
		});
		out('total_pss_mb', round(r.streamsPss.totalMb), 'MB', {
			...pss,
			at: 'streams open, before any activity',
			processes: r.streamsPss.processes
		});
		out('total_pss_mb', round(r.peakPss.totalMb), 'MB', {
			...pss,
			at: 'peak',
			processes: r.peakPss.processes
		});
		out('app_pss_mb', round(r.peakPss.appMb), 'MB', { ...x, at: 'peak' });
		if (db === 'embedded') out('db_pss_mb', round(r.peakPss.dbMb), 'MB', { ...pss, at: 'peak' });
		out('page_refresh_p50_ms', round(r.refreshP50), 'ms', { ...x, sequential: 200 });
		out('page_refresh_p99_ms', round(r.refreshP99), 'ms', { ...x, sequential: 200 });
		out('page_total_bytes_br', r.weight.totalBytesBr, 'bytes', { ...x, page: 'live participant' });
		out('page_js_bytes_br', r.weight.jsBytesBr, 'bytes', { ...x, page: 'live participant' });
		out('page_html_bytes_wire', r.weight.htmlBytesWire, 'bytes', {
			...x,
			page: 'live participant'
		});
		// Per participant and hour at EVENTS_PER_HOUR events: the event stream with its panels
		// and heartbeats, and the pages fetched when the server said so (measured, compressed).
		out(
			'bytes_per_participant_hour',
			Math.round((r.perEvent + r.refreshBytesPerEvent) * EVENTS_PER_HOUR + (3600 / 25) * 15),
			'bytes',
			{
				...x,
				assumes_events_per_hour: EVENTS_PER_HOUR,
				stream_bytes_per_event: Math.round(r.perEvent),
				refresh_bytes_per_event: Math.round(r.refreshBytesPerEvent),
				bytes_per_page_refresh: Math.round(r.bytesPerRefresh),
				panels_per_event: round(r.panelsPerEvent, 2)
			}
		);
		const screen = {
			...x,
			refresh: 'as live-room.js: the shared panel on the stream; the page when told (ADR 025)'
		};
		out('screen_p50_ms', round(r.screenSpreadP50), 'ms', {
			...screen,
			actions_spread_over_ms: SPREAD_MS
		});
		out('screen_p99_ms', round(r.screenSpreadP99), 'ms', {
			...screen,
			actions_spread_over_ms: SPREAD_MS
		});
		out('screen_p50_ms', round(r.screenBurstP50), 'ms', { ...screen, actions_spread_over_ms: 0 });
		out('screen_p99_ms', round(r.screenBurstP99), 'ms', { ...screen, actions_spread_over_ms: 0 });
		out('ratio_screen_p99', round(r.screenSpreadP99 / Math.max(0.1, base.spreadP99), 2), 'x', {
			...screen,
			actions_spread_over_ms: SPREAD_MS,
			against: 'bare broadcaster delivery'
		});
		out('baseline_p99_ms', round(base.p99), 'ms', { ...x, db: 'none' });
		out('ratio_p99', round(r.p99 / Math.max(0.1, base.p99), 2), 'x', x);
		const spread = { ...x, actions_spread_over_ms: SPREAD_MS };
		out('spread_p99_ms', round(r.spreadP99), 'ms', spread);
		out('baseline_spread_p99_ms', round(base.spreadP99), 'ms', { ...spread, db: 'none' });
		out('ratio_spread_p99', round(r.spreadP99 / Math.max(0.1, base.spreadP99), 2), 'x', spread);
	}
	out('baseline_rss_mb', round(base.rss), 'MB', { streams: base.streams, db: 'none' });
	noteLoad('end');
}

cleanUpOnSignalsAndExit();
try {
	await main();
} catch (e) {
	note(`FAILED: ${(e as Error).stack ?? e}`);
	process.exitCode = 1;
} finally {
	agent.destroy();
	await cleanupAll();
}
