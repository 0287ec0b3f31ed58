import { describe, expect, it } from 'vitest';
import type { Subscriber } from './live-hub.ts';
import type { StoredLiveEvent } from './live-events.queries.ts';
import { frameOf, parseLastEventId, streamEvents } from './open-event-stream.ts';

const ev = (id: number): StoredLiveEvent => ({
	id,
	cohortSessionId: 's',
	audience: 'all',
	createdAt: new Date(0),
	kind: 'moment-ack',
	payload: { id: `m${id}` }
});

const viewer = { facilitator: false, enrolmentId: 'e', userId: 'u' };

/** Reads frames until `n` events arrived (the `retry:` line is left out). */
async function readEvents(stream: ReadableStream<Uint8Array>, n: number) {
	const reader = stream.getReader();
	const decoder = new TextDecoder();
	let text = '';
	const ids = () => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
	while (ids().length < n) {
		const { value, done } = await reader.read();
		if (done) break;
		text += decoder.decode(value);
	}
	reader.releaseLock();
	return { ids: ids(), text };
}

describe(streamEvents.name, () => {
	it('replays after the last id, then live events, each once and in id order', async () => {
		let sub!: Subscriber;
		const stream = streamEvents({
			viewer,
			lastEventId: 3,
			subscribe: async (s) => {
				sub = s;
				return () => {};
			},
			// While the replay query runs, live events arrive out of order, one of them already
			// in the replay.
			replay: async (after) => {
				expect(after).toBe(3);
				sub.send(ev(7));
				sub.send(ev(5));
				sub.send(ev(6));
				return [ev(4), ev(5)];
			}
		});
		const first = await readEvents(stream, 4);
		expect(first.text.startsWith('retry: 2000\n\n')).toBe(true);
		expect(first.ids).toEqual([4, 5, 6, 7]);
		// After the replay, live events go straight out; an old one (a second instance's late
		// announcement) is dropped.
		sub.send(ev(6));
		sub.send(ev(9));
		expect((await readEvents(stream, 1)).ids).toEqual([9]);
	});

	it('ends the stream when the hub closes it (access changed) and unsubscribes once', async () => {
		let sub!: Subscriber;
		let unsubscribed = 0;
		const stream = streamEvents({
			viewer,
			lastEventId: 0,
			subscribe: async (s) => {
				sub = s;
				return () => void unsubscribed++;
			},
			replay: async () => []
		});
		const reader = stream.getReader();
		await reader.read(); // retry line
		sub.close!();
		expect(await reader.read()).toEqual({ done: true, value: undefined });
		expect(unsubscribed).toBeGreaterThanOrEqual(1);
	});

	it('a failed replay leaves no subscriber behind', async () => {
		let unsubscribed = 0;
		const stream = streamEvents({
			viewer,
			lastEventId: 0,
			subscribe: async () => () => void unsubscribed++,
			replay: async () => {
				throw new Error('database gone');
			}
		});
		const reader = stream.getReader();
		await expect(
			(async () => {
				for (;;) if ((await reader.read()).done) return;
			})()
		).rejects.toThrow('database gone');
		expect(unsubscribed).toBe(1);
	});
});

describe(`${streamEvents.name} for a room that takes panels (ADR 025)`, () => {
	const subject = { locale: 'en' } as never;
	const panelViewer = { ...viewer, panels: { subject, timeZone: 'UTC' } };
	async function readUntil(stream: ReadableStream<Uint8Array>, done: (text: string) => boolean) {
		const reader = stream.getReader();
		const decoder = new TextDecoder();
		let text = '';
		while (!done(text)) {
			const { value, done: end } = await reader.read();
			if (end) break;
			text += decoder.decode(value);
		}
		reader.releaseLock();
		return text;
	}

	/* A panel-taking stream whose replay is `replay`; `sub()` is what the hub holds. */
	function openPanelStream(replay: (sub: Subscriber) => Promise<StoredLiveEvent[]>) {
		let sub!: Subscriber;
		const stream = streamEvents({
			viewer: panelViewer,
			lastEventId: 3,
			subscribe: async (s) => {
				sub = s;
				return () => {};
			},
			replay: () => replay(sub)
		});
		return { stream, sub: () => sub };
	}

	it('news replayed on opening is followed by "fetch the page"; panels then go straight out', async () => {
		const { stream, sub: held } = openPanelStream(async (sub) => {
			// A panel rendered for news this stream has not replayed yet is dropped...
			sub.sendFrame!('event: panel\ndata: OLD\n\n');
			return [ev(4)];
		});
		const sub = held();
		const text = await readUntil(stream, (t) => t.includes('event: refresh'));
		expect(text).not.toContain('OLD');
		// ...and the page is fetched once instead, after the replayed event.
		expect(text.indexOf('id: 4')).toBeLessThan(text.indexOf('event: refresh'));
		expect(sub.panels).toEqual(panelViewer.panels);
		sub.sendFrame!('event: panel\ndata: NEW\n\n');
		expect(await readUntil(stream, (t) => t.includes('NEW'))).toBe('event: panel\ndata: NEW\n\n');
	});

	it('what is sent in one tick goes out as one chunk (one socket write)', async () => {
		const { stream, sub: held } = openPanelStream(async () => []);
		const reader = stream.getReader();
		await reader.read(); // retry:
		await new Promise((r) => setTimeout(r, 0)); // the (empty) replay is over
		const sub = held();
		sub.send(ev(4));
		sub.send(ev(5));
		sub.sendFrame!('event: panel\ndata: P\n\n');
		const chunk = new TextDecoder().decode((await reader.read()).value);
		expect(chunk).toBe(`${frameOf(ev(4))}${frameOf(ev(5))}event: panel\ndata: P\n\n`);
	});

	it('nothing to catch up on: no "fetch the page"; a stream without panels never gets one', async () => {
		for (const v of [panelViewer, viewer]) {
			let sub!: Subscriber;
			const stream = streamEvents({
				viewer: v,
				lastEventId: 3,
				subscribe: async (s) => {
					sub = s;
					return () => {};
				},
				replay: async () => (v === viewer ? [ev(4)] : [])
			});
			await readUntil(stream, (t) => t.includes('retry:'));
			sub.send(ev(5));
			const text = await readUntil(stream, (t) => t.includes('id: 5'));
			expect(text).not.toContain('refresh');
		}
	});
});

describe(parseLastEventId.name, () => {
	it('prefers the header EventSource sends, then the page parameter; anything else is 0', () => {
		expect(parseLastEventId('12', '3')).toBe(12);
		expect(parseLastEventId(null, '3')).toBe(3);
		expect(parseLastEventId(null, null)).toBe(0);
		expect(parseLastEventId('1e3', null)).toBe(0);
		expect(parseLastEventId('-1', null)).toBe(0);
		expect(parseLastEventId('9'.repeat(16), null)).toBe(0);
	});
});

describe(frameOf.name, () => {
	it('names the event by its kind and carries the payload as JSON', () => {
		expect(frameOf(ev(42))).toBe('id: 42\nevent: moment-ack\ndata: {"id":"m42"}\n\n');
	});
});
