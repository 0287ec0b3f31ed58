import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from './zone-choices.ts';

describe('timeZoneChoices', () => {
	it('always holds UTC and the zones to keep, once each and sorted', () => {
		const zones = timeZoneChoices('Europe/Kyiv', 'Europe/Prague', 'UTC', null, undefined);
		expect(zones).toContain('UTC');
		expect(zones).toContain('Europe/Kyiv');
		expect(zones.filter((z) => z === 'Europe/Prague')).toHaveLength(1);
		expect(zones).toEqual([...zones].sort());
	});

	it('never adds something that is not a zone', () => {
		expect(timeZoneChoices('Mars/Olympus', '<script>')).not.toContain('Mars/Olympus');
		expect(timeZoneChoices('<script>')).not.toContain('<script>');
	});
});
