import type { Db } from '../db/client.ts';
import type { LiveHub, Subscriber } from './live-hub.ts';
import { listLiveEventsAfter, type StoredLiveEvent } from './live-events.queries.ts';

const HEARTBEAT_MS = 25_000;
/* How long a browser waits before it reconnects by itself (EventSource's `retry`). */
const RETRY_MS = 2000;

/** Who the stream is for, as the access check found them. */
export type StreamViewer = {
	facilitator: boolean;
	enrolmentId: string | null;
	userId: string;
	/** A participant's room script that takes shared panels (ADR 025), and for whom. */
	panels?: Subscriber['panels'];
};

/**
 * The id a (re)connecting browser resumes after: EventSource sends `Last-Event-ID` when it
 * reconnects by itself; a page opening a new stream passes `?lastEventId=`. Anything else is 0.
 */
export function parseLastEventId(header: string | null, param: string | null) {
	const raw = header ?? param ?? '0';
	return /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
}

/** One server-sent event: the id to resume after, the kind as the event name, the payload. */
export function frameOf(e: StoredLiveEvent) {
	return `id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`;
}

/**
 * After news: the shared panel (compressed, base64), or, when there is none to share, the
 * word to fetch the page. No id: these frames are not events and are never replayed.
 */
export function panelFrame(panel: string | null) {
	return panel ? `event: panel\ndata: ${panel}\n\n` : REFRESH_FRAME;
}
const REFRESH_FRAME = `event: refresh\ndata: 1\n\n`;

/**
 * A session's event stream for someone whose access was just checked: everything after
 * `lastEventId` is replayed from the database, then new events follow, each once and in id
 * order. The stream ends when the hub closes it (that person's access changed), and the
 * browser's reconnect is checked afresh.
 */
export async function openEventStream(
	db: Db,
	hub: Pick<LiveHub, 'subscribe'>,
	input: { sessionId: string; viewer: StreamViewer; lastEventId: number }
) {
	const stream = streamEvents({
		viewer: input.viewer,
		lastEventId: input.lastEventId,
		subscribe: (sub) => hub.subscribe(input.sessionId, sub),
		replay: (afterId) =>
			listLiveEventsAfter(db, input.sessionId, afterId, { facilitator: input.viewer.facilitator })
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
}

/*
 * Subscribing happens before the replay query, and each event carries its id, so an event
 * that lands in between is sent once, not twice and not never: live events that arrive while
 * the replay runs wait, then go out after it in id order, and nothing at or below the last
 * id sent goes out again.
 */
export function streamEvents(deps: {
	viewer: StreamViewer;
	lastEventId: number;
	subscribe: (sub: Subscriber) => Promise<() => void>;
	replay: (afterId: number) => Promise<StoredLiveEvent[]>;
	heartbeatMs?: number;
}) {
	const encoder = new TextEncoder();
	let unsubscribe: (() => void) | undefined;
	let beat: ReturnType<typeof setInterval> | undefined;
	return new ReadableStream<Uint8Array>({
		async start(controller) {
			let sent = deps.lastEventId;
			let pending: StoredLiveEvent[] | null = [];
			// A panel stream whose page may now be behind: news replayed, or a panel that came
			// while the replay ran (and was dropped, being older than what follows it).
			let behind = false;
			// What is sent in one tick (a batch's events and its panel) goes out as one chunk:
			// one socket write instead of one per frame.
			let batch: string[] = [];
			const flush = () => {
				const text = batch.join('');
				batch = [];
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					unsubscribe?.();
				}
			};
			const enqueue = (frame: string) => {
				if (batch.push(frame) === 1) queueMicrotask(flush);
			};
			const emit = (e: StoredLiveEvent) => {
				if (e.id <= sent) return;
				sent = e.id;
				if (e.audience === 'all') behind = true;
				enqueue(frameOf(e));
			};
			try {
				unsubscribe = await deps.subscribe({
					facilitator: deps.viewer.facilitator,
					enrolmentId: deps.viewer.enrolmentId,
					userId: deps.viewer.userId,
					close: () => {
						clearInterval(beat);
						unsubscribe?.();
						try {
							controller.close();
						} catch {
							/* already closed */
						}
					},
					send: (e) => (pending ? pending.push(e) : emit(e)),
					panels: deps.viewer.panels,
					sendFrame: (frame) => {
						if (pending) behind = true;
						else enqueue(frame);
					}
				});
				controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
				for (const e of await deps.replay(deps.lastEventId)) emit(e);
				const queued = pending;
				pending = null;
				for (const e of queued.sort((x, y) => x.id - y.id)) emit(e);
				if (deps.viewer.panels && behind) enqueue(panelFrame(null));
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
			}, deps.heartbeatMs ?? HEARTBEAT_MS);
		},
		cancel() {
			clearInterval(beat);
			unsubscribe?.();
		}
	});
}
