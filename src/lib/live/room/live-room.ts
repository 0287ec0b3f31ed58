/*
 * The live room's only script (ADR 015, 019), built into /live-room.js: kept small for slow
 * phones, and the page works without it. It follows the session's event stream and, on news,
 * fetches the page again and patches the live panel in place around the form someone is
 * typing in; sends the panel's forms without leaving the page (so an embedded video call
 * keeps running); runs timers; and, on request, embeds the Jitsi room. No framework.
 */
import { PARTICIPANT_EVENT_KINDS, type ParticipantEventKind } from '../live-events.ts';
import { followStream } from '../follow-stream.ts';
import { coalesceRefreshes } from '../coalesce-refreshes.ts';
import { dataOf, findRoomElements, ROOM_IDS, type RoomElements } from './room-elements.ts';
import { tickCountdowns } from './countdowns.ts';
import { swapPanel } from './keep-form.ts';
import { newsOf, snapshotPanel } from './panel-news.ts';
import { createResponseOrder, PAGE_REQUEST, panelOf } from './panel-requests.ts';
import { sendPanelFormsInPlace } from './panel-forms.ts';
import { offerVideoEmbed } from './video-embed.ts';

function start(els: RoomElements) {
	const { panel, connection, news } = els;
	const say = (text: string) => {
		if (connection && connection.textContent !== text) connection.textContent = text;
	};
	const offline = () => say(dataOf(els, 'connection', 'offline'));
	const tick = () => tickCountdowns(document, Date.now());
	setInterval(tick, 1000);
	tick();

	function show(next: HTMLElement, keepForm: boolean) {
		const before = snapshotPanel(panel);
		swapPanel(panel, next, keepForm);
		const text = newsOf(before, snapshotPanel(panel), {
			block: dataOf(els, 'news', 'block'),
			activity: dataOf(els, 'news', 'activity'),
			results: dataOf(els, 'news', 'results')
		});
		if (news && text) news.textContent = text;
		tick();
	}

	// A page that is not the live room (signed out, place withdrawn): show it for real.
	const leave = () => {
		location.reload();
		return 'stop' as const;
	};

	const order = createResponseOrder();
	const refresh = coalesceRefreshes(
		async () => {
			const n = order.ticket();
			const r = await fetch(location.pathname + location.search, PAGE_REQUEST);
			if (r.status >= 400 && r.status < 500) return leave();
			if (!r.ok) throw new Error(String(r.status));
			const next = !r.redirected && panelOf(await r.text(), ROOM_IDS.panel);
			if (!next) return leave();
			if (stream.isOpen()) say('');
			if (order.isNewest(n)) show(next, true);
		},
		// The news arrived but the page could not be fetched (the line dropped just then).
		{ onFailure: offline }
	);
	window.addEventListener('online', () => refresh.retryNow());

	// Named, so that listening for a facilitators' kind here is a type error.
	const stream = followStream<ParticipantEventKind>({
		sessionId: dataOf(els, 'panel', 'session'),
		lastEventId: dataOf(els, 'panel', 'lastEvent') || '0',
		kinds: PARTICIPANT_EVENT_KINDS,
		onEvent: () => refresh.request(),
		onOpen: () => say(''),
		onTrouble: offline,
		onReopen: () => refresh.request()
	});

	sendPanelFormsInPlace(panel, { order, show, leave, onFailure: offline });
	offerVideoEmbed(els, say);
}

const els = findRoomElements(document);
if (els && 'EventSource' in window && 'fetch' in window && 'DOMParser' in window) start(els);
