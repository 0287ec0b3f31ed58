import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameSink } from './open-event-stream.ts';
import { streamToSocket } from './socket-sink.ts';

/*
 * A server that answers like SvelteKit's Node adapter: it writes the head a tick after the
 * endpoint returned, then waits on the body until it ends.
 */
function serve(open: (res: http.ServerResponse) => ReadableStream<Uint8Array>) {
	const server = http.createServer((_req, res) => {
		const body = open(res);
		const reader = body.getReader();
		const pending = reader.read();
		setImmediate(() => {
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			pending.then(
				() => res.end(),
				(e) => res.destroy(e)
			);
		});
		res.on('close', () => void reader.cancel().catch(() => {}));
	});
	return new Promise<http.Server>((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

let server: http.Server | undefined;
afterEach(() => {
	server?.closeAllConnections();
	server?.close();
});

function get(port: number) {
	return new Promise<http.IncomingMessage>((resolve, reject) =>
		http.get({ host: '127.0.0.1', port, path: '/' }, resolve).on('error', reject)
	);
}

function fakeStream() {
	const s = { sink: undefined as FrameSink | undefined, stopped: 0 };
	const start = (sink: FrameSink) => {
		s.sink = sink;
		sink.write('first\n');
		return { ready: Promise.resolve(), stop: () => void s.stopped++ };
	};
	return { s, start };
}

describe(streamToSocket.name, () => {
	it('holds frames until the adapter has written the head, then writes them to the socket in order', async () => {
		const { s, start } = fakeStream();
		server = await serve((res) => {
			const body = streamToSocket(res, start);
			s.sink!.write('second\n');
			return body;
		});
		const res = await get((server.address() as AddressInfo).port);
		expect(res.headers['content-type']).toBe('text/event-stream');
		res.setEncoding('utf8');
		let text = '';
		res.on('data', (d: string) => (text += d));
		await new Promise((r) => setTimeout(r, 50));
		s.sink!.write('third\n');
		await new Promise((r) => setTimeout(r, 50));
		expect(text).toBe('first\nsecond\nthird\n');
		// The hub ends it (access changed): the adapter ends the response.
		s.sink!.end();
		await new Promise((r) => res.on('end', r));
	});

	it('stops the stream when the browser goes away', async () => {
		const { s, start } = fakeStream();
		server = await serve((res) => streamToSocket(res, start));
		const res = await get((server.address() as AddressInfo).port);
		res.destroy();
		for (let i = 0; i < 50 && !s.stopped; i++) await new Promise((r) => setTimeout(r, 10));
		expect(s.stopped).toBeGreaterThan(0);
	});

	it('ends the stream of a client that reads nothing while a lot waits for it', async () => {
		const { s, start } = fakeStream();
		let response: http.ServerResponse | undefined;
		server = await serve((res) => {
			response = res;
			return streamToSocket(res, start);
		});
		const res = await get((server.address() as AddressInfo).port);
		res.pause();
		const frame = `data: ${'x'.repeat(64 * 1024)}\n\n`;
		// Loopback buffers take a few megabytes; past those, the server holds the rest.
		for (let i = 0; i < 400 && !s.stopped; i++) {
			s.sink!.write(frame);
			await new Promise((r) => setImmediate(r));
		}
		expect(s.stopped).toBeGreaterThan(0);
		expect(response!.destroyed).toBe(true);
	});
});
