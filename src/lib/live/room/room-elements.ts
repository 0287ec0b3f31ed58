/*
 * The elements of the participant page that the live room's script works with, in one place.
 * The page renders its ids from ROOM_IDS (src/routes/live/[sessionId]/+page.svelte), so the
 * markup and the script cannot drift apart; the data attributes each element carries are
 * typed below, so the script can only read ones that exist.
 */
export const ROOM_IDS = {
	/** The part of the page that is swapped on news; carries the session and the last event. */
	panel: 'live-panel',
	/** Inside the panel: the part the event stream may carry whole (ADR 025). */
	shared: 'live-shared',
	/** Inside the panel: the blocks the person answered or passed, for filling in a sent panel. */
	mine: 'live-mine',
	/** A status line: empty while connected, "reconnecting…" while not. */
	connection: 'live-connection',
	/** A visually hidden status region: what changed when the panel refreshed by itself. */
	news: 'live-news',
	/** Where the Jitsi room is embedded on request, and the button that asks for it. */
	video: 'video-embed',
	videoButton: 'video-embed-button',
	/** Headings inside the panel whose text tells what changed. */
	blockHeading: 'h-block',
	breakoutHeading: 'h-breakout'
} as const;

/** The data attributes (as `dataset` keys) the script reads from each element. */
type RoomData = {
	panel: 'session' | 'lastEvent' | 'audioFirst';
	connection: 'offline';
	news: 'block' | 'activity' | 'results';
	video: 'api' | 'domain' | 'room' | 'jwt' | 'name' | 'title' | 'failed';
};

/** Inside the panel (and inside what is fetched to replace it). */
export const PANEL_PARTS = {
	/** The form someone may be typing in; its value names the activity it answers. */
	keptForm: '[data-keep]',
	countdown: '[data-ends-at]',
	activityPrompt: '.activity .prompt',
	results: '[data-results]',
	momentStatus: '.moment [role=status]',
	blockHeading: `#${ROOM_IDS.blockHeading}`,
	breakoutHeading: `#${ROOM_IDS.breakoutHeading}`,
	focusable: 'a[href],button,input,select,textarea,summary'
} as const;

export type RoomElements = {
	panel: HTMLElement;
	connection: HTMLElement | null;
	news: HTMLElement | null;
	video: HTMLElement | null;
	videoButton: HTMLButtonElement | null;
};

/** The page's elements, or null when this is not the live room. */
export function findRoomElements(doc: Document): RoomElements | null {
	const panel = doc.getElementById(ROOM_IDS.panel);
	if (!panel) return null;
	const button = doc.getElementById(ROOM_IDS.videoButton);
	return {
		panel,
		connection: doc.getElementById(ROOM_IDS.connection),
		news: doc.getElementById(ROOM_IDS.news),
		video: doc.getElementById(ROOM_IDS.video),
		videoButton: button instanceof HTMLButtonElement ? button : null
	};
}

/** A data attribute of one of the page's elements ('' when either is missing). */
export function dataOf<K extends keyof RoomData>(
	elements: Partial<Pick<RoomElements, K>>,
	element: K,
	key: RoomData[K]
): string {
	return elements[element]?.dataset[key] ?? '';
}
