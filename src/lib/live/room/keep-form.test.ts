// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { swapPanel } from './keep-form.ts';
import { ROOM_IDS } from './room-elements.ts';
import { panelOf } from './panel-requests.ts';

/** The live panel as the server renders it, in the parts that matter here. */
function page(o: { heading: string; keep?: string; results?: boolean; audioFirst?: boolean }) {
	return `<div id="${ROOM_IDS.panel}" data-audio-first="${o.audioFirst ? 1 : 0}">
		<details class="support"><summary>Support</summary><p>Lines</p></details>
		<section class="block"><h2 id="${ROOM_IDS.blockHeading}">${o.heading}</h2></section>
		<section class="activity">
			<p class="prompt">One word</p>
			${
				o.keep
					? `<form method="POST" class="answer" data-keep="${o.keep}">
						<label for="a-word">Your word</label><input id="a-word" name="word">
						<button type="submit">Send</button>
					</form>`
					: '<p>Closed</p>'
			}
			${o.results ? '<h3 data-results>Results</h3><ul><li>hopeful 1</li></ul>' : ''}
		</section>
		<details class="agenda"><summary>Agenda</summary></details>
	</div>`;
}

let panel: HTMLElement;
beforeEach(() => {
	document.body.innerHTML = page({ heading: 'Welcome', keep: 'welcome' });
	panel = document.getElementById(ROOM_IDS.panel)!;
});

const next = (o: Parameters<typeof page>[0]) => panelOf(page(o), ROOM_IDS.panel)!;

describe(swapPanel.name, () => {
	it('a half-typed answer survives the panel being swapped around it', () => {
		const input = panel.querySelector<HTMLInputElement>('#a-word')!;
		input.value = 'stea';
		input.focus();
		swapPanel(panel, next({ heading: 'Welcome', keep: 'welcome', results: true }), true);
		// The same element, still focused, with what was typed; the rest is new.
		expect(panel.querySelector('#a-word')).toBe(input);
		expect(input.value).toBe('stea');
		expect(document.activeElement).toBe(input);
		expect(panel.querySelector('[data-results]')?.textContent).toBe('Results');
		expect(panel.querySelectorAll('form')).toHaveLength(1);
	});

	it('a form for another activity, or a form that was just sent, is replaced', () => {
		const input = panel.querySelector<HTMLInputElement>('#a-word')!;
		input.value = 'old';
		swapPanel(panel, next({ heading: 'Welcome', keep: 'poll' }), true);
		expect(panel.querySelector('#a-word')).not.toBe(input);
		expect(panel.querySelector<HTMLInputElement>('#a-word')!.value).toBe('');
		expect(panel.querySelector<HTMLElement>('[data-keep]')!.dataset.keep).toBe('poll');

		const again = panel.querySelector<HTMLInputElement>('#a-word')!;
		swapPanel(panel, next({ heading: 'Welcome', keep: 'poll' }), false);
		expect(panel.querySelector('#a-word')).not.toBe(again);
	});

	it('when the form is replaced, focus goes back to the same place in the new panel', () => {
		const send = panel.querySelector('button')!;
		send.focus();
		swapPanel(panel, next({ heading: 'Welcome', keep: 'welcome', results: true }), false);
		expect(send.isConnected).toBe(false);
		expect(document.activeElement).toBe(panel.querySelector('button'));
	});

	it('when the activity closes the form goes', () => {
		swapPanel(panel, next({ heading: 'Welcome' }), true);
		expect(panel.querySelector('form')).toBeNull();
		expect(panel.querySelector('.activity p:not(.prompt)')?.textContent).toBe('Closed');
	});

	it('open sections stay open and audio first follows the fetched page', () => {
		panel.querySelector('details')!.open = true;
		swapPanel(panel, next({ heading: 'Break', audioFirst: true }), true);
		expect(panel.querySelector<HTMLElement>(`#${ROOM_IDS.blockHeading}`)!.textContent).toBe(
			'Break'
		);
		const [support, agenda] = panel.querySelectorAll('details');
		expect(support.open).toBe(true);
		expect(agenda.open).toBe(false);
		expect(panel.dataset.audioFirst).toBe('1');
	});
});
