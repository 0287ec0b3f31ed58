// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeOwn, ownOf } from './shared-panel.ts';
import { ROOM_IDS } from './room-elements.ts';

/*
 * A shared panel from the stream is rendered without anyone's own state, so it always carries
 * the session's feedback link; the person's page says whether they have given feedback.
 */
function room(pulse: string) {
	document.body.innerHTML = `<div id="${ROOM_IDS.panel}">
		<div id="${ROOM_IDS.shared}">
			<p class="notice" data-pulse-offer><a href="/cohorts/c/sessions/1/pulse">Give feedback</a></p>
			<section class="block"><h2 id="${ROOM_IDS.blockHeading}">Closing</h2></section>
		</div>
		<span id="${ROOM_IDS.mine}" hidden data-answered="" data-passed="" data-pulse="${pulse}"></span>
	</div>`;
	const panel = document.getElementById(ROOM_IDS.panel)!;
	return { panel, shared: document.getElementById(ROOM_IDS.shared)! };
}

describe('the feedback link in a shared panel', () => {
	it('goes once the person has given feedback on the session', () => {
		const { panel, shared } = room('answered');
		makeOwn(shared, ownOf(panel), () => 'id');
		expect(shared.querySelector('[data-pulse-offer]')).toBeNull();
		expect(shared.querySelector('h2')?.textContent).toBe('Closing');
	});

	it('stays while they have not', () => {
		const { panel, shared } = room('');
		makeOwn(shared, ownOf(panel), () => 'id');
		expect(shared.querySelector('[data-pulse-offer] a')?.getAttribute('href')).toBe(
			'/cohorts/c/sessions/1/pulse'
		);
	});
});
