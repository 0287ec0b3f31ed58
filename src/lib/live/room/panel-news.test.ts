// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { newsOf, snapshotPanel, type PanelSnapshot } from './panel-news.ts';
import { ROOM_IDS } from './room-elements.ts';

const texts = { block: 'Now: {t}', activity: 'A new activity: {t}', results: 'Results shown.' };
const quiet: PanelSnapshot = {
	block: 'Welcome',
	activity: '',
	results: false,
	group: '',
	moment: ''
};

describe(snapshotPanel.name, () => {
	it('reads what a screen reader should be told about from the panel', () => {
		const panel = document.createElement('div');
		panel.innerHTML = `<h2 id="${ROOM_IDS.blockHeading}"> Welcome </h2>
			<section class="activity"><p class="prompt">One word</p><form data-keep="welcome"></form>
			<h3 data-results>Results</h3></section>
			<h2 id="${ROOM_IDS.breakoutHeading}">Your group: 2</h2>
			<section class="moment"><p role="status">Seen.</p></section>`;
		expect(snapshotPanel(panel)).toEqual({
			block: 'Welcome',
			activity: 'One word',
			results: true,
			group: 'Your group: 2',
			moment: 'Seen.'
		});
	});
});

describe(newsOf.name, () => {
	it('announces the most important change only, and nothing when nothing changed', () => {
		expect(newsOf(quiet, quiet, texts)).toBe('');
		expect(newsOf(quiet, { ...quiet, block: 'Break', activity: 'x' }, texts)).toBe('Now: Break');
		expect(newsOf(quiet, { ...quiet, activity: 'One word', results: true }, texts)).toBe(
			'A new activity: One word'
		);
		expect(newsOf(quiet, { ...quiet, group: 'Your group: 1' }, texts)).toBe('Your group: 1');
		expect(newsOf(quiet, { ...quiet, results: true }, texts)).toBe('Results shown.');
		expect(newsOf(quiet, { ...quiet, moment: 'Seen.' }, texts)).toBe('Seen.');
	});
});
