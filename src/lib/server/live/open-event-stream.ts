import type { ServerResponse } from 'node:http';
import type { Db } from '../db/client.ts';
import type { LiveHub, Subscriber } from './live-hub.ts';
import { listLiveEventsAfter, type StoredLiveEvent } from './live-events.queries.ts';
import { streamToSocket } from './socket-sink.ts';

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
	// The hub hands the same event object to every stream of a session: made once, not 18 times.
	let frame = frames.get(e);
	if (frame === undefined) {
		frame = `id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`;
		frames.set(e, frame);
	}
	return frame;
}
const frames = new WeakMap<StoredLiveEvent, string>();

/**
 * After news: the shared panel (compressed, base64), or, when there is none to share, the
 * word to fetch the page. No id: these frames are not events and are never replayed.
 */
export function panelFrame(panel: string | null) {
	return panel ? `event: panel\ndata: ${panel}\n\n` : REFRESH_FRAME;
}
const REFRESH_FRAME = `event: refresh\ndata: 1\n\n`;

/** Where a stream's frames go: a socket (the production server) or a web stream. */
export type FrameSink = {
	/** Sends text; what is sent in one tick arrives here as one piece. */
	write: (text: string) => void;
	/** Ends the stream. */
	end: () => void;
};

/**
 * A session's event stream for someone whose access was just checked: everything after
 * `lastEventId` is replayed from the database, then new events follow, each once and in id
 * order. The stream ends when the hub closes it (that person's access changed), and the
 * browser's reconnect is checked afresh.
 *
 * Under the production server (scripts/start.js) the frames are written straight to the
 * response's socket (socket-sink.ts); elsewhere (the dev server) through a web stream.
 */
export async function openEventStream(
	db: Db,
	hub: Pick<LiveHub, 'subscribe'>,
	input: { sessionId: string; viewer: StreamViewer; lastEventId: number },
	socket?: ServerResponse | null
) {
	const deps = {
		viewer: input.viewer,
		lastEventId: input.lastEventId,
		subscribe: (sub: Subscriber) => hub.subscribe(input.sessionId, sub),
		replay: (afterId: number) =>
			listLiveEventsAfter(db, input.sessionId, afterId, { facilitator: input.viewer.facilitator })
	};
	const body = socket
		? streamToSocket(socket, (sink) => startEventStream(deps, sink))
		: streamEvents(deps);
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
}

type StreamDeps = {
	viewer: StreamViewer;
	lastEventId: number;
	subscribe: (sub: Subscriber) => Promise<() => void>;
	replay: (afterId: number) => Promise<StoredLiveEvent[]>;
};

/** The event stream as a web stream (the dev server, and the tests of the stream's rules). */
export function streamEvents(deps: StreamDeps) {
	const encoder = new TextEncoder();
	let stream: ReturnType<typeof startEventStream> | undefined;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			stream = startEventStream(deps, {
				write: (text) => controller.enqueue(encoder.encode(text)),
				end: () => controller.close()
			});
			return stream.ready.catch((e) => controller.error(e));
		},
		cancel() {
			stream?.stop();
		}
	});
}

/*
 * Subscribing happens before the replay query, and each event carries its id, so an event
 * that lands in between is sent once, not twice and not never: live events that arrive while
 * the replay runs wait, then go out after it in id order, and nothing at or below the last
 * id sent goes out again.
 */
export function startEventStream(deps: StreamDeps, sink: FrameSink) {
	let unsubscribe: (() => void) | undefined;
	let stopped = false;
	let sent = deps.lastEventId;
	let pending: StoredLiveEvent[] | null = [];
	// A panel stream whose page may now be behind: news replayed, or a panel that came
	// while the replay ran (and was dropped, being older than what follows it).
	let behind = false;
	// What is sent in one tick (a batch's events and its panel) goes out as one piece:
	// one socket write instead of one per frame.
	let batch: string[] = [];
	const stop = () => {
		stopped = true;
		heartbeats.delete(beat);
		unsubscribe?.();
	};
	const flush = () => {
		const text = batch.join('');
		batch = [];
		if (stopped) return;
		try {
			sink.write(text);
		} catch {
			stop();
		}
	};
	const enqueue = (frame: string) => {
		if (batch.push(frame) === 1) queueMicrotask(flush);
	};
	const beat = () => enqueue(': keep-alive\n\n');
	const emit = (e: StoredLiveEvent) => {
		if (e.id <= sent) return;
		sent = e.id;
		if (e.audience === 'all') behind = true;
		enqueue(frameOf(e));
	};
	const ready = (async () => {
		try {
			unsubscribe = await deps.subscribe({
				facilitator: deps.viewer.facilitator,
				enrolmentId: deps.viewer.enrolmentId,
				userId: deps.viewer.userId,
				close: () => {
					stop();
					try {
						sink.end();
					} catch {
						/* already ended */
					}
				},
				send: (e) => (pending ? pending.push(e) : emit(e)),
				panels: deps.viewer.panels,
				sendFrame: (frame) => {
					if (pending) behind = true;
					else enqueue(frame);
				}
			});
			// Closed while subscribing (the person left at once): leave nothing behind.
			if (stopped) unsubscribe();
			enqueue(`retry: ${RETRY_MS}\n\n`);
			for (const e of await deps.replay(deps.lastEventId)) emit(e);
			const queued = pending;
			pending = null;
			for (const e of queued.sort((x, y) => x.id - y.id)) emit(e);
			if (deps.viewer.panels && behind) enqueue(panelFrame(null));
		} catch (e) {
			// A failed replay must not leave a subscriber (and a "connected" person) behind;
			// the browser reconnects and replays from its last id.
			stop();
			throw e;
		}
		if (!stopped) heartbeats.add(beat);
	})();
	return { ready, stop };
}

/*
 * One timer beats for every open stream, instead of one timer per stream: 1,800 streams
 * are 1,800 fewer timers, none of them created inside (and holding) a request's async context.
 */
const heartbeats = {
	beats: new Set<() => void>(),
	timer: undefined as ReturnType<typeof setInterval> | undefined,
	add(beat: () => void) {
		this.beats.add(beat);
		this.timer ??= setInterval(() => {
			for (const b of this.beats) b();
		}, HEARTBEAT_MS);
		this.timer.unref();
	},
	delete(beat: () => void) {
		this.beats.delete(beat);
	}
};
