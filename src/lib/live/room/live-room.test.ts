// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOM_IDS } from './room-elements.ts';
import { FakeEventSource } from './fake-event-source.ts';

/*
 * The whole script on a page: a fake EventSource plays the server's stream and a fake fetch
 * the server's pages, so the wiring (stream → coalesced refresh → swap around the kept form,
 * news for screen readers, retry while offline) is checked together. This is a browser that
 * cannot unpack panels sent down the stream (no DecompressionStream): it fetches the page on
 * every piece of news. live-room-panels.test.ts is the browser that can.
 */

function panelHtml(o: { results?: boolean }) {
	return `<div id="${ROOM_IDS.panel}" data-session="s1" data-last-event="5" data-audio-first="0">
		<section class="block"><h2 id="${ROOM_IDS.blockHeading}">Welcome</h2></section>
		<section class="activity"><p class="prompt">One word</p>
			<form method="POST" action="/live/s1?/answer" data-keep="welcome">
				<input id="a-word" name="word"><button type="submit">Send</button>
			</form>
			${o.results ? '<h3 data-results>Results</h3>' : ''}
		</section>
	</div>`;
}
const pageHtml = (o: { results?: boolean }) => `<!doctype html><html><body>
	<p id="${ROOM_IDS.connection}" data-offline="Reconnecting…"></p>
	<p id="${ROOM_IDS.news}" data-block="Now: {t}" data-activity="New: {t}" data-results="Shown."></p>
	${panelHtml(o)}
</body></html>`;

const fetches: string[] = [];
let respond: () => Promise<Response>;

beforeAll(async () => {
	vi.useFakeTimers();
	vi.stubGlobal('EventSource', FakeEventSource);
	vi.stubGlobal('DecompressionStream', undefined);
	vi.stubGlobal('fetch', (url: string) => {
		fetches.push(url);
		return respond();
	});
	document.body.innerHTML = new DOMParser().parseFromString(
		pageHtml({}),
		'text/html'
	).body.innerHTML;
	await import('./live-room.ts');
});
afterEach(() => void (fetches.length = 0));

const html = (body: string) => async () => new Response(body, { status: 200 });
const byId = (id: string) => document.getElementById(id)!;

describe('the live room script', () => {
	it('follows the stream from the page’s last event', () => {
		expect(FakeEventSource.last.url).toBe('/live/s1/events?lastEventId=5');
		// Facilitators' kinds are never listened for on the participant page.
		expect([...FakeEventSource.last.listeners.keys()].sort()).toEqual(
			['hidden', 'moment-ack', 'results', 'state'].sort()
		);
	});

	it('a burst of events becomes one fetch, and the panel changes around a half-typed answer', async () => {
		const input = document.querySelector<HTMLInputElement>('#a-word')!;
		input.value = 'stea';
		input.focus();
		respond = html(pageHtml({ results: true }));
		FakeEventSource.last.emitEvent('state', 6, {});
		FakeEventSource.last.emitEvent('results', 7, {});
		await vi.advanceTimersByTimeAsync(200);
		expect(fetches).toHaveLength(1);
		expect(document.querySelector('[data-results]')).not.toBeNull();
		expect(document.querySelector('#a-word')).toBe(input);
		expect(input.value).toBe('stea');
		expect(byId(ROOM_IDS.news).textContent).toBe('Shown.');
	});

	it('a fetch that fails says so and is tried again later', async () => {
		respond = async () => {
			throw new TypeError('network');
		};
		FakeEventSource.last.emitEvent('hidden', 8, {});
		await vi.advanceTimersByTimeAsync(200);
		expect(fetches).toHaveLength(1);
		expect(byId(ROOM_IDS.connection).textContent).toBe('Reconnecting…');
		respond = html(pageHtml({ results: true }));
		await vi.advanceTimersByTimeAsync(3200);
		expect(fetches).toHaveLength(2);
		expect(byId(ROOM_IDS.connection).textContent).toBe('');
	});
});
