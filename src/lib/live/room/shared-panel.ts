import { ROOM_IDS } from './room-elements.ts';

/** The feedback link in the shared panel (live-shared.svelte). */
const PULSE_OFFER = '[data-pulse-offer]';

/*
 * The shared panel the event stream carries (ADR 025): rendered once on the server for
 * everyone in the session who reads it in one language and time zone, without anyone's own
 * state. Here it is unpacked and made the person's own before it is shown.
 */

/** Whether this browser can unpack panels (DecompressionStream); if not, it fetches pages. */
export function canTakePanels(w: typeof globalThis) {
	return typeof w.DecompressionStream === 'function' && typeof w.atob === 'function';
}

/** The panel's HTML from the frame's data: base64 of raw DEFLATE. */
export async function inflatePanel(data: string): Promise<string> {
	const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	return new Response(stream).text();
}

/** The shared part in unpacked HTML, or null when it is something else. */
export function sharedOf(html: string) {
	return new DOMParser().parseFromString(html, 'text/html').getElementById(ROOM_IDS.shared);
}

/** What the person has done in the session, as their page last said (`#live-mine`). */
export type Own = { answered: Set<string>; passed: Set<string>; pulseAnswered?: boolean };

export function ownOf(panel: ParentNode): Own {
	const el = panel.querySelector<HTMLElement>(`#${ROOM_IDS.mine}`);
	const set = (v: string | undefined) => new Set((v ?? '').split(' ').filter(Boolean));
	return {
		answered: set(el?.dataset.answered),
		passed: set(el?.dataset.passed),
		pulseAnswered: el?.dataset.pulse === 'answered'
	};
}

/**
 * Makes a shared panel the person's own: each form gets a client id of its own (the id is
 * the answer's key, so a retried post stores it once), and where the person has already
 * answered or passed the running activity, the form gives way to the sentence that says so,
 * as their own page would show it.
 */
export function makeOwn(shared: HTMLElement, own: Own, newId: () => string) {
	for (const input of shared.querySelectorAll<HTMLInputElement>('input[name="clientId"]')) {
		input.value = newId();
	}
	showOwnAnswer(shared, own);
}

/**
 * Where the person answered or passed the running activity, its form gives way to saying so;
 * once they have given feedback on the session, its link goes.
 */
export function showOwnAnswer(shared: HTMLElement, own: Own) {
	if (own.pulseAnswered) shared.querySelector(PULSE_OFFER)?.remove();
	const activity = shared.querySelector<HTMLElement>('[data-activity-block]');
	const block = activity?.dataset.activityBlock;
	const form = activity?.querySelector('form[data-keep]');
	if (!activity || !block || !form) return;
	const text = own.passed.has(block)
		? activity.dataset.passed
		: own.answered.has(block)
			? activity.dataset.answered
			: undefined;
	if (text === undefined) return;
	const p = shared.ownerDocument.createElement('p');
	p.textContent = text;
	form.replaceWith(p);
}
