import type { ServerResponse } from 'node:http';
import type { FrameSink } from './open-event-stream.ts';

/*
 * How the production server (scripts/start.js) hands an event-stream request's response to
 * the stream endpoint: SvelteKit's Node adapter passes the request as `platform.req`, and the
 * server hangs the response on it under this key. The dev server does not, and the endpoint
 * then streams through SvelteKit as any response.
 */
const RESPONSE = Symbol.for('trellis.eventStreamResponse');

/** The raw response of an event-stream request, when the server offers it. */
export function eventStreamSocket(platform: unknown): ServerResponse | null {
	const req = (platform as { req?: Record<symbol, unknown> } | undefined)?.req;
	return (req?.[RESPONSE] as ServerResponse | undefined) ?? null;
}

/* A client that reads nothing while this much waits for it is gone: end its stream. */
const MAX_UNREAD_BYTES = 256 * 1024;

/**
 * The event stream written straight to the response's socket (issue #13): SvelteKit's way
 * (a web stream that the adapter reads chunk by chunk and writes, through the compression
 * wrapper) costs a promise, a copy and a wrapper call per frame, 1,800 times per event when
 * a hundred sessions are live.
 *
 * SvelteKit still answers the request: it writes the status and headers of the Response
 * this body belongs to, then waits on the body, which never sends anything. Frames are held
 * until those headers are out, then go to the socket directly, in order. When the stream
 * ends (access changed) the body closes and the adapter ends the response; when the browser
 * goes, the adapter cancels the body and the stream stops.
 */
export function streamToSocket(
	res: ServerResponse,
	start: (sink: FrameSink) => { ready: Promise<void>; stop: () => void }
): ReadableStream<Uint8Array> {
	let early: string[] | null = [];
	let close: (() => void) | undefined;
	const write = (text: string) => {
		if (early) {
			early.push(text);
			return;
		}
		if (res.writableLength > MAX_UNREAD_BYTES) {
			// It reconnects, if it is still there, and replays from its last event id.
			stream.stop();
			res.destroy();
			return;
		}
		res.write(text);
	};
	const stream = start({ write, end: () => close?.() });
	// The adapter writes the headers a tick or two after the endpoint returns.
	const whenHeadersOut = () => {
		if (res.destroyed || res.writableEnded) return stream.stop();
		if (!res.headersSent) return void setImmediate(whenHeadersOut);
		const held = early!.join('');
		early = null;
		if (held) write(held);
	};
	setImmediate(whenHeadersOut);
	res.once('close', () => stream.stop());
	return new ReadableStream<Uint8Array>({
		start(controller) {
			close = () => {
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			};
			return stream.ready.catch((e) => controller.error(e));
		},
		cancel() {
			stream.stop();
		}
	});
}
