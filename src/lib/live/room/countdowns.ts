import { PANEL_PARTS } from './room-elements.ts';

/*
 * The server renders each timer's end time (live-timer.svelte); here it becomes a countdown.
 * Screen readers hear the minute marks only, not every second, and the one-minute notice is
 * filled in rather than unhidden, because a status region announces new text reliably.
 */
export function tickCountdowns(root: ParentNode, now: number) {
	for (const t of root.querySelectorAll<HTMLElement>(PANEL_PARTS.countdown)) {
		const left = Math.max(0, Math.round((Date.parse(t.dataset.endsAt ?? '') - now) / 1000));
		const clock = t.querySelector('.clock');
		if (clock) clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
		const minutes = t.querySelector<HTMLElement>('[data-minutes-template]');
		const text = minutes?.dataset.minutesTemplate?.replace('{m}', String(Math.ceil(left / 60)));
		if (minutes && text !== undefined && minutes.textContent !== text) minutes.textContent = text;
		const soon = t.querySelector<HTMLElement>('[data-soon]');
		const soonText = left > 0 && left <= 60 ? (soon?.dataset.soon ?? '') : '';
		if (soon && soon.textContent?.trim() !== soonText) soon.textContent = soonText;
	}
}
