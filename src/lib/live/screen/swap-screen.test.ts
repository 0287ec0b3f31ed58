// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { panelOf } from '../room/panel-requests.ts';
import { fillDue, SCREEN_IDS } from './screen-elements.ts';
import { swapScreen } from './swap-screen.ts';

/** The console's screen as the server renders it, in the parts that matter here. */
function screen(o: { answered: number; refusal?: string; group?: number; minutes?: number }) {
	return `<div id="${SCREEN_IDS.panel}" data-session="s1" data-last-event="${o.answered}">
		<div id="${SCREEN_IDS.refusal}">${o.refusal ? `<p role="alert">${o.refusal}</p>` : ''}</div>
		<details><summary>Who is connected here</summary><ul><li>Mira</li></ul></details>
		<form method="POST"><input type="hidden" name="action" value="next"><button type="submit">Next part</button></form>
		<form method="POST">
			<input type="hidden" name="action" value="timer">
			<label for="timer-minutes">Minutes</label>
			<input id="timer-minutes" name="minutes" type="number" value="${o.minutes ?? 10}">
			<button type="submit">Set the timer</button>
		</form>
		<form method="POST">
			<input type="hidden" name="action" value="manual-breakout">
			<label for="place-a">Mira</label>
			<select id="place-a" name="place:a">
				<option value="1" ${o.group === 1 ? 'selected' : ''}>Group 1</option>
				<option value="2" ${o.group === 2 ? 'selected' : ''}>Group 2</option>
			</select>
			<button type="submit">Open these groups</button>
		</form>
		<p>${o.answered} answered</p>
	</div>`;
}

let panel: HTMLElement;
beforeEach(() => {
	document.body.innerHTML = screen({ answered: 1, group: 1 });
	panel = document.getElementById(SCREEN_IDS.panel)!;
});
const next = (o: Parameters<typeof screen>[0]) => panelOf(screen(o), SCREEN_IDS.panel)!;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

describe(swapScreen.name, () => {
	it('shows what is new and keeps a choice the facilitator has not sent yet', () => {
		byId<HTMLSelectElement>('place-a').value = '2';
		swapScreen(panel, next({ answered: 2, group: 1 }));
		expect(panel.textContent).toContain('2 answered');
		expect(byId<HTMLSelectElement>('place-a').value).toBe('2');
		expect(panel.dataset.lastEvent).toBe('2');
	});

	it('an untouched control follows the server', () => {
		swapScreen(panel, next({ answered: 2, group: 2, minutes: 15 }));
		expect(byId<HTMLSelectElement>('place-a').value).toBe('2');
		expect(byId<HTMLInputElement>('timer-minutes').value).toBe('15');
	});

	it('the field being typed in stays the same element, focused', () => {
		const minutes = byId<HTMLInputElement>('timer-minutes');
		minutes.focus();
		minutes.value = '7';
		swapScreen(panel, next({ answered: 2, minutes: 15 }));
		expect(byId('timer-minutes')).toBe(minutes);
		expect(document.activeElement).toBe(minutes);
		expect(minutes.value).toBe('7');
	});

	it('focus returns to the same button, and open sections stay open', () => {
		panel.querySelector('details')!.open = true;
		const button = [...panel.querySelectorAll('button')].find(
			(b) => b.textContent === 'Next part'
		)!;
		button.focus();
		swapScreen(panel, next({ answered: 2 }));
		expect(document.activeElement?.textContent).toBe('Next part');
		expect(document.activeElement).not.toBe(button);
		expect(panel.querySelector('details')!.open).toBe(true);
	});

	it('a refusal stays until the next action, with what was chosen in the refused form', () => {
		document.body.innerHTML = screen({ answered: 1, group: 2, refusal: 'Nobody on their own' });
		panel = byId(SCREEN_IDS.panel);
		const sticky = new WeakSet<Element>(panel.querySelectorAll('select'));
		swapScreen(panel, next({ answered: 2, group: 1 }), sticky);
		expect(panel.querySelector('[role=alert]')?.textContent).toBe('Nobody on their own');
		expect(byId<HTMLSelectElement>('place-a').value).toBe('2');
		expect(panel.textContent).toContain('2 answered');
	});
});

describe(fillDue.name, () => {
	it('fills a notice in once its time has come', () => {
		document.body.innerHTML = `<p data-due="2026-12-01T10:00:00Z" data-text="Running over"></p>`;
		const p = document.querySelector('p')!;
		fillDue(document, Date.parse('2026-12-01T09:59:59Z'));
		expect(p.textContent).toBe('');
		fillDue(document, Date.parse('2026-12-01T10:00:00Z'));
		expect(p.textContent).toBe('Running over');
	});
});
