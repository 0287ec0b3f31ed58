import type { LiveEventKind, ReceivedLiveEvent } from './live-events.ts';
import { browserTimers, createBackoff, type Timers } from './backoff.ts';

/** The part of EventSource the follower uses; tests pass a fake. */
export type StreamSource = {
	readonly readyState: number;
	onopen: ((e: Event) => void) | null;
	onerror: ((e: Event) => void) | null;
	addEventListener: (type: string, listener: (e: MessageEvent<string>) => void) => void;
	close: () => void;
};

const CLOSED = 2;
const OPEN = 1;

/**
 * Follows a session's event stream from `lastEventId` on, for both live clients.
 *
 * EventSource reconnects by itself and sends Last-Event-ID, so the server replays what was
 * missed. It gives up only when the server answers with something other than a stream (a
 * proxy's 502 during a restart, a 403 once access ended): then a new stream is opened from
 * the last id received, after a growing wait, and `onReopen` lets the page check that it
 * is still the live room.
 */
export function followStream<K extends LiveEventKind>(opts: {
	sessionId: string;
	lastEventId: number | string;
	/** The kinds this client reacts to; the stream names each event by its kind. */
	kinds: readonly K[];
	onEvent: (event: ReceivedLiveEvent<K>) => void;
	onOpen?: () => void;
	/** The connection dropped (the browser may be reconnecting by itself). */
	onTrouble?: () => void;
	onReopen?: () => void;
	/**
	 * Frames that are not events (ADR 025): with these the stream is asked for them, and the
	 * server follows a participant's news with the shared panel or the word to fetch the page.
	 */
	onFrame?: { panel: (data: string) => void; refresh: () => void };
	open?: (url: string) => StreamSource;
	timers?: Timers;
}) {
	const open = opts.open ?? ((url: string) => new EventSource(url));
	const timers = opts.timers ?? browserTimers;
	const backoff = createBackoff(timers.random);
	let last = String(opts.lastEventId);
	let source: StreamSource;
	let reopening: unknown;
	let closed = false;

	function connect() {
		const panels = opts.onFrame ? '&panels=1' : '';
		const s = open(
			`/live/${opts.sessionId}/events?lastEventId=${encodeURIComponent(last)}${panels}`
		);
		source = s;
		if (opts.onFrame) {
			const { panel, refresh } = opts.onFrame;
			s.addEventListener('panel', (e) => panel(e.data));
			s.addEventListener('refresh', () => refresh());
		}
		for (const kind of opts.kinds) {
			s.addEventListener(kind, (e) => {
				if (e.lastEventId) last = e.lastEventId;
				// The server writes payloads from the same contract (insertLiveEvents).
				const event = { id: Number(e.lastEventId), kind, payload: JSON.parse(e.data) };
				opts.onEvent(event as ReceivedLiveEvent<K>);
			});
		}
		s.onopen = () => {
			backoff.reset();
			opts.onOpen?.();
		};
		s.onerror = () => {
			opts.onTrouble?.();
			if (s.readyState !== CLOSED || closed) return;
			reopening = timers.setTimeout(() => {
				reopening = undefined;
				if (closed) return;
				connect();
				opts.onReopen?.();
			}, backoff.next());
		};
	}
	connect();

	return {
		isOpen: () => source.readyState === OPEN,
		lastEventId: () => last,
		close() {
			closed = true;
			if (reopening !== undefined) timers.clearTimeout(reopening);
			source.close();
		}
	};
}
