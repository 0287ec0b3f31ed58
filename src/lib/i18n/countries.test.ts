import { describe, expect, it } from 'vitest';
import { countryChoices, countryCodes, countryName, isCountryCode } from './countries.ts';

describe('countries', () => {
	it('lists the ISO countries once each, without groupings or old codes', () => {
		const codes = countryCodes();
		expect(codes).toHaveLength(250);
		for (const c of ['CZ', 'UA', 'NL', 'GB', 'XK']) expect(isCountryCode(c)).toBe(true);
		for (const c of ['EU', 'UN', 'ZZ', 'SU', 'YU', 'UK', 'QQ', 'cz', 'CZE']) {
			expect(isCountryCode(c)).toBe(false);
		}
	});

	it('names and sorts them in the reader’s language', () => {
		expect(countryName('CZ', 'cs')).toBe('Česko');
		expect(countryName('UA', 'uk')).toBe('Україна');
		const cs = countryChoices('cs').map((c) => c.name);
		expect(cs).toEqual([...cs].sort((a, b) => a.localeCompare(b, 'cs')));
	});
});
