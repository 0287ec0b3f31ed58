/*
 * The facilitators' screens' only script (ADR 021), built into /live-screen.js: the console
 * and the projector are server-rendered and complete without it (every console control is a
 * form post). It follows the session's event stream and, on news, fetches the page again and
 * replaces the screen around what the facilitator is doing; it runs the timers and fills in
 * notices when their time comes. No framework.
 */
import { LIVE_EVENT_KINDS } from '../live-events.ts';
import { followStream } from '../follow-stream.ts';
import { coalesceRefreshes } from '../coalesce-refreshes.ts';
import { tickCountdowns } from '../room/countdowns.ts';
import { createResponseOrder, PAGE_REQUEST, panelOf } from '../room/panel-requests.ts';
import {
	fillDue,
	findScreenElements,
	screenData,
	SCREEN_IDS,
	SCREEN_PARTS,
	type ScreenElements
} from './screen-elements.ts';
import { swapScreen } from './swap-screen.ts';

function start(els: ScreenElements) {
	const { panel, connection } = els;
	const say = (text: string) => {
		if (connection && connection.textContent !== text) connection.textContent = text;
	};
	const offline = () => say(screenData(els, 'connection', 'offline'));
	const tick = () => {
		tickCountdowns(document, Date.now());
		fillDue(document, Date.now());
	};
	setInterval(tick, 1000);
	tick();

	// A page that shows why an action was refused keeps what was chosen in that form.
	const sticky = new WeakSet<Element>();
	if (document.getElementById(SCREEN_IDS.refusal)?.textContent?.trim()) {
		for (const c of panel.querySelectorAll(SCREEN_PARTS.controls)) sticky.add(c);
	}

	// A page that is not this screen any more (signed out, access ended): show it for real.
	const leave = () => {
		location.reload();
		return 'stop' as const;
	};
	const order = createResponseOrder();
	const refresh = coalesceRefreshes(
		async () => {
			const n = order.ticket();
			const r = await fetch(location.pathname, PAGE_REQUEST);
			if (r.status >= 400 && r.status < 500) return leave();
			if (!r.ok) throw new Error(String(r.status));
			const next = !r.redirected && panelOf(await r.text(), SCREEN_IDS.panel);
			if (!next) return leave();
			if (stream.isOpen()) say('');
			if (order.isNewest(n)) {
				swapScreen(panel, next, sticky);
				tick();
			}
		},
		{ onFailure: offline }
	);
	window.addEventListener('online', () => refresh.retryNow());

	const stream = followStream({
		sessionId: screenData(els, 'panel', 'session'),
		lastEventId: screenData(els, 'panel', 'lastEvent') || '0',
		kinds: LIVE_EVENT_KINDS,
		onEvent: () => refresh.request(),
		onOpen: () => say(''),
		onTrouble: offline,
		onReopen: () => refresh.request()
	});
}

const els = findScreenElements(document);
if (els && 'EventSource' in window && 'fetch' in window && 'DOMParser' in window) start(els);
