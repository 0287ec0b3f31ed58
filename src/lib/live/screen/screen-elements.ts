/*
 * The elements of the facilitators' screens (console and projector) that their script works
 * with, in one place. The pages render their ids from SCREEN_IDS, so the markup and the script
 * cannot drift apart; the data attributes each element carries are typed below.
 */
export const SCREEN_IDS = {
	/** The part of the page that is replaced on news; carries the session and the last event. */
	panel: 'live-screen',
	/** A status line: empty while connected, "reconnecting…" while not. */
	connection: 'live-screen-connection',
	/** Where the console shows why an action was refused; kept until the next action. */
	refusal: 'live-screen-refusal'
} as const;

/** The data attributes (as `dataset` keys) the script reads from each element. */
type ScreenData = {
	panel: 'session' | 'lastEvent';
	connection: 'offline';
};

/** Inside the panel (and inside what is fetched to replace it). */
export const SCREEN_PARTS = {
	/** A status whose text (`data-text`) is filled in once its time (`data-due`) has come. */
	due: '[data-due]',
	controls: 'input,select,textarea',
	focusable: 'a[href],button,input,select,textarea,summary'
} as const;

export type ScreenElements = { panel: HTMLElement; connection: HTMLElement | null };

/** The page's elements, or null when this is not a live screen. */
export function findScreenElements(doc: Document): ScreenElements | null {
	const panel = doc.getElementById(SCREEN_IDS.panel);
	if (!panel) return null;
	return { panel, connection: doc.getElementById(SCREEN_IDS.connection) };
}

/** A data attribute of one of the page's elements ('' when either is missing). */
export function screenData<K extends keyof ScreenData>(
	elements: Partial<Pick<ScreenElements, K>>,
	element: K,
	key: ScreenData[K]
): string {
	return elements[element]?.dataset[key] ?? '';
}

/** Fills in each due status whose time has come (and empties one whose time moved on). */
export function fillDue(root: ParentNode, now: number) {
	for (const el of root.querySelectorAll<HTMLElement>(SCREEN_PARTS.due)) {
		const text = now >= Date.parse(el.dataset.due ?? '') ? (el.dataset.text ?? '') : '';
		if (el.textContent !== text) el.textContent = text;
	}
}
