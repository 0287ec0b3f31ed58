// Starts the built app: opens the database and applies migrations (Kit's init hook, run when
// build/handler.js is imported), then listens on HOST:PORT and shuts down cleanly on signals.
import http from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { missingHeapFlags } from './heap-flags.js';

if (Number(process.versions.node.split('.')[0]) !== 24) {
	console.error(
		`Trellis needs the pinned Node 24 (node_modules/.bin/node); this is ${process.version}.`
	);
	process.exit(1);
}
// Once, before the app is loaded: the same process again, with the heap flags (ADR 035).
// execve keeps the process id, so npm, service managers and signals see no difference.
const missing = missingHeapFlags(process.execArgv, process.env.NODE_OPTIONS);
if (missing.length && typeof process.execve === 'function') {
	process.execve(process.execPath, [
		process.execPath,
		...missing,
		...process.execArgv,
		...process.argv.slice(1)
	]);
}
if (!existsSync(new URL('../build/handler.js', import.meta.url))) {
	console.error('No build found. Run "npm run build" first (npm start does this for you).');
	process.exit(1);
}

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
const origin = (process.env.APP_ORIGIN || '').replace(/\/+$/, '');
// adapter-node reads the protocol from this header; we set it from APP_ORIGIN so that plain
// http on a local machine and https behind a proxy both get correct form-origin checks.
process.env.PROTOCOL_HEADER = 'x-trellis-proto';
const protocol = origin.startsWith('https:') ? 'https' : 'http';

let handler;
try {
	({ handler } = await import('../build/handler.js'));
} catch (e) {
	const name = e?.name ?? '';
	if (name === 'DataDirInUseError' || name === 'ConfigError' || name === 'EmbeddedPostgresError') {
		console.error(`\n${e.message}\n`);
	} else {
		console.error('\nTrellis could not start:', e?.stack ?? e, '\n');
	}
	process.exit(1);
}

// Pages are rendered per request, so they are compressed here (static assets are already
// precompressed on disk and pass through untouched). Brotli quality 5 keeps CPU per page low
// on a 2-core server while still roughly quartering the HTML. Event streams are never
// compressed: buffering would delay live events.
const compress = compression({
	threshold: 1024,
	brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
	filter: (req, res) =>
		!String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') &&
		compression.filter(req, res)
});

const streams = new Set();
const EVENT_STREAM_RESPONSE = Symbol.for('trellis.eventStreamResponse');
/** Requests being answered (event streams not counted): shutdown waits for them. */
let inFlight = 0;
let stopping = false;
const server = http.createServer((req, res) => {
	req.headers['x-trellis-proto'] = protocol;
	req.headers['x-trellis-client-ip'] = req.socket.remoteAddress ?? '';
	if (stopping) res.setHeader('connection', 'close');
	const stream = (req.headers.accept ?? '').includes('text/event-stream');
	if (stream) {
		// The stream endpoint writes its frames to this response directly (socket-sink.ts).
		req[EVENT_STREAM_RESPONSE] = res;
		streams.add(res);
		res.on('close', () => streams.delete(res));
		if (stopping) {
			// A stream opened while stopping is ended at once: its client reconnects elsewhere.
			res.writeHead(503, { 'retry-after': '1' }).end();
			return;
		}
	} else {
		inFlight++;
		res.once('close', () => inFlight--);
	}
	// Event streams are never compressed (the filter below): they skip the wrapper entirely.
	if (stream) handler(req, res);
	else compress(req, res, () => handler(req, res));
});

server.listen(port, host, () => {
	const addr = server.address();
	const url = origin || `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
	const info = globalThis.trellisStartInfo ?? {};
	console.log(`\n  Trellis is running at ${url}  (database: ${info.db ?? 'unknown'})`);
	if (info.demo) {
		console.log(
			`  Demo organisation${info.seeded ? ' seeded' : ''}. Sign in at ${url}/sign-in as ${info.demo.email} / ${info.demo.password}`
		);
		console.log(
			`  Other demo people: dana@, sam@ (facilitators; Sam is a peer trainer), jana@, olena@, petr@, mira@, taras@, robin@example.org — same password.`
		);
		console.log(
			`  Sign-in links and invitations land in the outbox: ${url}/admin/outbox (as the admin).`
		);
		if (info.demo.roomOpenUntil) {
			const until = new Date(info.demo.roomOpenUntil).toLocaleTimeString('en-GB', {
				hour: '2-digit',
				minute: '2-digit',
				timeZoneName: 'short'
			});
			console.log(
				`  Live room: session 2 of "Demo group: the course in progress" is open until ${until}. Sign in as sam@ (facilitator) and, in a private window, mira@ (participant); see README, "Trying the live room".`
			);
		}
		console.log('');
	}
});

/*
 * Shutdown in the order that loses nothing: stop accepting connections, end event streams
 * (their clients reconnect and resume from their last event id), let running requests finish
 * (bounded by SHUTDOWN_TIMEOUT, keeping a few seconds for the rest), and only then stop the
 * job queue and close the database, which stops the embedded server.
 */
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`  ${signal} received: shutting down`);
	const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT || 10) * 1000;
	const force = setTimeout(() => process.exit(1), timeoutMs + 10_000);
	force.unref();
	server.close();
	/*
	 * Only a stream whose headers are out can be ended. One still being opened (its handler
	 * checking access) is a running request: ending it would send headers under the handler,
	 * whose own writeHead then threw ERR_HTTP_HEADERS_SENT and killed the process half-way
	 * through the shutdown, with requests unanswered and exit code 1 (found by
	 * scripts/soak-crash.ts, SOAK_MODE=sigterm). It is waited for like a request and ended
	 * as soon as it has started.
	 */
	const endStreams = () => {
		let opening = 0;
		for (const res of streams) {
			if (res.headersSent) {
				if (!res.writableEnded) res.end();
			} else opening++;
		}
		return opening;
	};
	const drainUntil = Date.now() + timeoutMs;
	while (endStreams() + inFlight > 0 && Date.now() < drainUntil) {
		server.closeIdleConnections();
		await new Promise((r) => setTimeout(r, 20));
	}
	if (inFlight > 0) {
		console.log(
			`  ${inFlight} request(s) still running after ${timeoutMs / 1000} s; stopping anyway`
		);
	}
	server.closeAllConnections();
	process.emit('sveltekit:shutdown', signal);
	// The init hook's listener stops the job queue (letting a running job finish) and closes
	// the database, which stops the embedded server; it leaves its promise here to wait on.
	await (globalThis.trellisShutdownDone ?? new Promise((r) => setTimeout(r, 300)));
	process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
