import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserTimers } from './backoff.ts';
import { followStream, type StreamSource } from './follow-stream.ts';
import type { ReceivedLiveEvent } from './live-events.ts';

/** Stands in for EventSource: records its URL and lets the test play the server's part. */
class FakeSource implements StreamSource {
	readyState = 0;
	onopen: ((e: Event) => void) | null = null;
	onerror: ((e: Event) => void) | null = null;
	listeners = new Map<string, (e: MessageEvent<string>) => void>();
	closed = false;
	constructor(readonly url: string) {}
	addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
		this.listeners.set(type, listener);
	}
	close() {
		this.closed = true;
		this.readyState = 2;
	}
	open() {
		this.readyState = 1;
		this.onopen?.(new Event('open'));
	}
	send(kind: string, id: number, payload: unknown) {
		this.listeners.get(kind)?.(
			new MessageEvent(kind, { data: JSON.stringify(payload), lastEventId: String(id) })
		);
	}
	/** The browser reconnects by itself (0) or gives up (2, a 502 or a 403 from the server). */
	fail(givesUp: boolean) {
		this.readyState = givesUp ? 2 : 0;
		this.onerror?.(new Event('error'));
	}
}

let sources: FakeSource[];
const timers = { ...browserTimers, random: () => 0.5 };

beforeEach(() => {
	vi.useFakeTimers();
	sources = [];
});
afterEach(() => {
	vi.useRealTimers();
});

function follow() {
	const got: ReceivedLiveEvent<'state' | 'hidden'>[] = [];
	const calls: string[] = [];
	const stream = followStream({
		sessionId: 'abc',
		lastEventId: 7,
		kinds: ['state', 'hidden'],
		onEvent: (e) => got.push(e),
		onOpen: () => calls.push('open'),
		onTrouble: () => calls.push('trouble'),
		onReopen: () => calls.push('reopen'),
		open: (url) => {
			const s = new FakeSource(url);
			sources.push(s);
			return s;
		},
		timers
	});
	return { stream, got, calls, last: () => sources[sources.length - 1] };
}

describe(followStream.name, () => {
	it('resumes from the last event id the page had, and hands over typed events', () => {
		const { got, last } = follow();
		expect(last().url).toBe('/live/abc/events?lastEventId=7');
		last().open();
		last().send('hidden', 8, { id: 'x', blockId: 'welcome' });
		last().send('moment', 9, { id: 'y', name: 'Not for this client' });
		expect(got).toEqual([{ id: 8, kind: 'hidden', payload: { id: 'x', blockId: 'welcome' } }]);
	});

	it('leaves reconnecting to the browser while it tries (it sends Last-Event-ID itself)', () => {
		const { calls } = follow();
		sources[0].open();
		sources[0].fail(false);
		vi.advanceTimersByTime(60_000);
		expect(sources).toHaveLength(1);
		expect(calls).toEqual(['open', 'trouble']);
	});

	it('when the browser gives up, opens a new stream from the last id received, waiting longer each time', () => {
		const { calls, last } = follow();
		last().open();
		last().send('state', 12, { blockIndex: 1 });
		const waits: number[] = [];
		for (let i = 0; i < 6; i++) {
			const before = sources.length;
			const t0 = Date.now();
			last().fail(true);
			while (sources.length === before) vi.advanceTimersByTime(100);
			waits.push(Date.now() - t0);
		}
		// 2 s, 4 s, … up to 30 s, each plus half a second of jitter (random() is 0.5 here).
		expect(waits).toEqual([2500, 4500, 8500, 16_500, 30_500, 30_500]);
		expect(last().url).toBe('/live/abc/events?lastEventId=12');
		expect(calls.filter((c) => c === 'reopen')).toHaveLength(6);
		// A stream that opened again starts the waits from the beginning.
		last().open();
		const before = sources.length;
		last().fail(true);
		vi.advanceTimersByTime(2499);
		expect(sources).toHaveLength(before);
		vi.advanceTimersByTime(1);
		expect(sources).toHaveLength(before + 1);
	});

	it('close() ends the stream and cancels a pending reopen', () => {
		const { stream, last } = follow();
		last().fail(true);
		stream.close();
		vi.advanceTimersByTime(60_000);
		expect(sources).toHaveLength(1);
		expect(sources[0].closed).toBe(true);
	});
});
