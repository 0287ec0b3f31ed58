// @vitest-environment happy-dom
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOM_IDS } from './room-elements.ts';
import { FakeEventSource } from './fake-event-source.ts';

/*
 * The live room script in a browser that can unpack panels (ADR 025): news is followed by
 * the shared panel on the stream, and the page is fetched only when the server says so.
 */

function sharedHtml(o: { block: string; activity?: string; results?: boolean }) {
	const activity = o.activity
		? `<section class="activity" data-activity-block="${o.activity}" data-answered="You have answered." data-passed="You passed on this activity.">
			<p class="prompt">One word</p>
			<form method="POST" action="/live/s1?/answer" data-keep="${o.activity}">
				<input type="hidden" name="clientId" value="">
				<input id="a-word" name="word"><button type="submit">Send</button>
			</form>
			${o.results ? '<h3 data-results>Results</h3>' : ''}
		</section>`
		: '';
	return `<div id="${ROOM_IDS.shared}">
		<section class="block"><h2 id="${ROOM_IDS.blockHeading}">${o.block}</h2></section>${activity}
	</div>`;
}
const pageHtml = (answered = '') => `<!doctype html><html><body>
	<p id="${ROOM_IDS.connection}" data-offline="Reconnecting…"></p>
	<p id="${ROOM_IDS.news}" data-block="Now: {t}" data-activity="New: {t}" data-results="Shown."></p>
	<div id="${ROOM_IDS.panel}" data-session="s1" data-last-event="5" data-audio-first="0">
		<section class="moment"><button>I need a moment</button></section>
		${sharedHtml({ block: 'Welcome', activity: 'welcome' })}
		<span id="${ROOM_IDS.mine}" hidden data-answered="${answered}" data-passed=""></span>
	</div>
</body></html>`;
const frame = (html: string) => deflateRawSync(html).toString('base64');

const fetches: string[] = [];
let respond: () => Promise<Response>;

beforeAll(async () => {
	vi.stubGlobal('EventSource', FakeEventSource);
	vi.stubGlobal('fetch', (url: string) => {
		fetches.push(url);
		return respond();
	});
	document.body.innerHTML = new DOMParser().parseFromString(pageHtml(), 'text/html').body.innerHTML;
	await import('./live-room.ts');
});
afterEach(() => void (fetches.length = 0));

const byId = (id: string) => document.getElementById(id)!;
/* Unpacking is asynchronous (DecompressionStream): wait until the page shows what was sent. */
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

describe('the live room script with panels on the stream', () => {
	it('asks the stream for panels', () => {
		expect(FakeEventSource.last.url).toBe('/live/s1/events?lastEventId=5&panels=1');
	});

	it('news alone fetches nothing; the panel that follows is shown around a half-typed answer', async () => {
		const input = document.querySelector<HTMLInputElement>('#a-word')!;
		input.value = 'stea';
		input.focus();
		FakeEventSource.last.emit('results', '{}', '6');
		FakeEventSource.last.emit(
			'panel',
			frame(sharedHtml({ block: 'Welcome', activity: 'welcome', results: true }))
		);
		await until(() => !!document.querySelector('h3[data-results]'));
		expect(fetches).toHaveLength(0);
		expect(document.querySelector('#a-word')).toBe(input);
		expect(input.value).toBe('stea');
		expect(byId(ROOM_IDS.news).textContent).toBe('Shown.');
		// What is outside the shared part stays (the moment button, the person's own record).
		expect(document.querySelector('.moment')).not.toBeNull();
		expect(byId(ROOM_IDS.mine)).not.toBeNull();
	});

	it('a new activity arrives with a client id of this person’s own, fresh each time', async () => {
		FakeEventSource.last.emit(
			'panel',
			frame(sharedHtml({ block: 'Strengths', activity: 'cards' }))
		);
		await until(() => byId(ROOM_IDS.blockHeading).textContent === 'Strengths');
		const id1 = document.querySelector<HTMLInputElement>('input[name="clientId"]')!.value;
		expect(id1).toMatch(/^[0-9a-f-]{36}$/);
		expect(byId(ROOM_IDS.news).textContent).toBe('Now: Strengths');
		FakeEventSource.last.emit('panel', frame(sharedHtml({ block: 'Next', activity: 'next' })));
		await until(() => byId(ROOM_IDS.blockHeading).textContent === 'Next');
		const id2 = document.querySelector<HTMLInputElement>('input[name="clientId"]')!.value;
		expect(id2).toMatch(/^[0-9a-f-]{36}$/);
		expect(id2).not.toBe(id1);
		expect(fetches).toHaveLength(0);
	});

	it('an activity the person already answered shows that, not the form again', async () => {
		byId(ROOM_IDS.mine).dataset.answered = 'again';
		FakeEventSource.last.emit('panel', frame(sharedHtml({ block: 'Again', activity: 'again' })));
		await until(() => byId(ROOM_IDS.blockHeading).textContent === 'Again');
		expect(document.querySelector('[data-keep]')).toBeNull();
		expect(document.querySelector('.activity')!.textContent).toContain('You have answered.');
	});

	it('"refresh" fetches the page once and shows it whole', async () => {
		respond = async () => new Response(pageHtml('welcome'), { status: 200 });
		FakeEventSource.last.emit('refresh', '1');
		await until(
			() => fetches.length === 1 && byId(ROOM_IDS.blockHeading).textContent === 'Welcome'
		);
		expect(byId(ROOM_IDS.mine).dataset.answered).toBe('welcome');
	});

	it('a panel that cannot be unpacked falls back to fetching the page', async () => {
		respond = async () => new Response(pageHtml(), { status: 200 });
		FakeEventSource.last.emit('panel', 'not base64 deflate!');
		await until(() => fetches.length === 1);
	});
});
