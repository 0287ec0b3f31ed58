import { appContext } from '#lib/server/context.ts';
import { getDbHandle } from '#lib/server/db/index.ts';
import { liveAccess } from '#lib/server/live/live-access.ts';
import { liveHub } from '#lib/server/live/live-hub.ts';
import { eventsAfter, type LiveEvent } from '#lib/server/live/live.queries.ts';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 25_000;

/*
 * The session's event stream. A reconnecting browser sends Last-Event-ID; everything after it
 * is replayed from the database before live events flow, so a dropped connection loses
 * nothing. Subscribing happens before the replay query, and each event carries its id, so an
 * event that lands in between is sent once, not twice and not never.
 */
export const GET: RequestHandler = async ({ params, locals, request, url }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	const header = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? '0';
	const lastId = /^\d{1,15}$/.test(header) ? Number(header) : 0;
	const hub = await liveHub(getDbHandle);
	const encoder = new TextEncoder();
	let unsubscribe: (() => void) | undefined;
	let beat: ReturnType<typeof setInterval> | undefined;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const frame = (e: LiveEvent) =>
				`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`;
			let sent = lastId;
			// Live events that arrive while the replay runs wait here, then go out in order.
			let pending: LiveEvent[] | null = [];
			const emit = (e: LiveEvent) => {
				if (e.id <= sent) return;
				sent = e.id;
				try {
					controller.enqueue(encoder.encode(frame(e)));
				} catch {
					unsubscribe?.();
				}
			};
			try {
				unsubscribe = await hub.subscribe(params.sessionId, {
					facilitator: a.facilitator,
					enrolmentId: a.enrolmentId,
					userId: a.user.id,
					close: () => {
						clearInterval(beat);
						unsubscribe?.();
						try {
							controller.close();
						} catch {
							/* already closed */
						}
					},
					send: (e) => (pending ? pending.push(e) : emit(e))
				});
				controller.enqueue(encoder.encode(`retry: 2000\n\n`));
				const missed = await eventsAfter(db, params.sessionId, lastId, {
					facilitator: a.facilitator
				});
				for (const e of missed) emit(e);
				const queued = pending;
				pending = null;
				for (const e of queued.sort((x, y) => x.id - y.id)) emit(e);
			} catch (e) {
				// A failed replay must not leave a subscriber (and a "connected" person) behind;
				// the browser reconnects and replays from its last id.
				unsubscribe?.();
				controller.error(e);
				return;
			}
			beat = setInterval(() => {
				try {
					controller.enqueue(encoder.encode(`: keep-alive\n\n`));
				} catch {
					clearInterval(beat);
				}
			}, HEARTBEAT_MS);
		},
		cancel() {
			clearInterval(beat);
			unsubscribe?.();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
