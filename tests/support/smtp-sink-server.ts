// A real SMTP peer for end-to-end tests, plus a tiny HTTP API on loopback that returns what
// it received: GET /messages?to=<address> → [{ subject, text, html, date }], newest last.
// It stops by itself after 30 minutes in case the test runner dies without stopping it.
import http from 'node:http';
import { startSmtpPeer } from './smtp-peer.ts';

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 4925);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 4926);
const peer = await startSmtpPeer(smtpPort);

const api = http.createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	if (url.pathname === '/healthz') return void res.end('ok');
	const to = url.searchParams.get('to') ?? '';
	const list = peer.received
		.filter((m) => JSON.stringify(m.to ?? '').includes(to))
		.map((m) => ({ subject: m.subject, text: m.text, html: m.html, date: m.date }));
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(list));
});
api.listen(httpPort, '127.0.0.1');

const stop = async () => {
	api.close();
	await peer.close();
	process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, 30 * 60 * 1000).unref();
