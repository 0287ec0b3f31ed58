import { describe, expect, it } from 'vitest';
import { mapChanges } from './map-changes.ts';

const tie = (name: string, over: Record<string, string> = {}) => ({
	name,
	type: 'person',
	sphere: 'belonging',
	closeness: '2',
	quality: 'supportive',
	direction: 'both',
	note: '',
	...over
});
const self = (ties: Record<string, string>[]) => ({ ties, subject: 'self' as const });

describe('what changed between two community maps', () => {
	it('lists ties added and removed, and closeness and quality changed', () => {
		const before = self([tie('Ana'), tie('Library', { type: 'place' }), tie('Brother')]);
		const after = self([
			tie('Ana', { closeness: '1' }),
			tie('Brother', { quality: 'stressful' }),
			tie('Choir', { type: 'group' })
		]);
		expect(mapChanges(before, after)).toEqual([
			{ type: 'changed', name: 'Ana', field: 'closeness', from: '2', to: '1' },
			{ type: 'changed', name: 'Brother', field: 'quality', from: 'supportive', to: 'stressful' },
			{ type: 'added', name: 'Choir' },
			{ type: 'removed', name: 'Library' }
		]);
	});

	it('matches names ignoring case and spaces, a repeated name in order, and ignores the note', () => {
		const before = self([tie('ana'), tie('Ana', { closeness: '3' })]);
		const after = self([tie(' Ana ', { note: 'new words' }), tie('ANA', { closeness: '3' })]);
		expect(mapChanges(before, after)).toEqual([]);
		expect(mapChanges(self([tie('Ana'), tie('Ana')]), self([tie('Ana')]))).toEqual([
			{ type: 'removed', name: 'Ana' }
		]);
	});

	it('says when the map changed from oneself to a fictional person', () => {
		expect(mapChanges(self([]), { ties: [], subject: 'fictional' })).toEqual([
			{ type: 'subject', from: 'self', to: 'fictional' }
		]);
	});
});
