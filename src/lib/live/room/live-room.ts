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
import {
	canTakePanels,
	inflatePanel,
	makeOwn,
	ownOf,
	sharedOf,
	showOwnAnswer
} from './shared-panel.ts';

function start(els: RoomElements) {
	const { panel, connection, news } = els;
	const say = (text: string) => {
		if (connection && connection.textContent !== text) connection.textContent = text;
	};
	const offline = () => say(dataOf(els, 'connection', 'offline'));
	const tick = () => tickCountdowns(document, Date.now());
	setInterval(tick, 1000);
	tick();

	/* The whole panel (a fetched page), or only its shared part (a panel from the stream). */
	function show(next: HTMLElement, keepForm: boolean) {
		const before = snapshotPanel(panel);
		const part =
			next.id === ROOM_IDS.shared ? panel.querySelector<HTMLElement>(`#${next.id}`) : null;
		if (part) swapPanel(part, next, keepForm);
		else swapPanel(panel, next, keepForm);
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

	/*
	 * A panel from the stream (ADR 025): no page fetch. It takes its place in the order of
	 * responses when it arrives, so a page fetched before it cannot come back over it.
	 */
	const takePanel = (data: string) => {
		const n = order.ticket();
		inflatePanel(data)
			.then((html) => {
				const next = sharedOf(html);
				if (!next) return refresh.request();
				makeOwn(next, ownOf(panel), () => crypto.randomUUID());
				if (stream.isOpen()) say('');
				if (order.isNewest(n)) show(next, true);
			})
			.catch(() => refresh.request());
	};
	const panels = canTakePanels(window);

	// Named, so that listening for a facilitators' kind here is a type error.
	const stream = followStream<ParticipantEventKind>({
		sessionId: dataOf(els, 'panel', 'session'),
		lastEventId: dataOf(els, 'panel', 'lastEvent') || '0',
		kinds: PARTICIPANT_EVENT_KINDS,
		// With panels, the server says after each piece of news what to do (below).
		onEvent: () => (panels ? undefined : refresh.request()),
		onFrame: panels ? { panel: takePanel, refresh: () => refresh.request() } : undefined,
		onOpen: () => say(''),
		onTrouble: offline,
		onReopen: () => refresh.request()
	});

	sendPanelFormsInPlace(panel, {
		order,
		show,
		leave,
		onFailure: offline,
		// An answer's page that came back after a newer panel: only what it says is the
		// person's own is kept, so the form they just sent does not come back.
		late: (next) => {
			const mine = next.querySelector(`#${ROOM_IDS.mine}`);
			const here = panel.querySelector(`#${ROOM_IDS.mine}`);
			if (mine && here) here.replaceWith(document.adoptNode(mine));
			const shared = panel.querySelector<HTMLElement>(`#${ROOM_IDS.shared}`);
			if (shared) showOwnAnswer(shared, ownOf(panel));
		}
	});
	offerVideoEmbed(els, say);
}

const els = findRoomElements(document);
if (els && 'EventSource' in window && 'fetch' in window && 'DOMParser' in window) start(els);
