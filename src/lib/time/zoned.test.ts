import { describe, expect, it } from 'vitest';
import { wallClock, zonedToUtc } from './zoned.ts';

describe('zonedToUtc', () => {
	it('converts a wall time in a zone to the right instant, in winter and summer', () => {
		expect(zonedToUtc('2027-03-10', '18:00', 'Europe/Prague')?.toISOString()).toBe(
			'2027-03-10T17:00:00.000Z'
		);
		expect(zonedToUtc('2027-07-10', '18:00', 'Europe/Prague')?.toISOString()).toBe(
			'2027-07-10T16:00:00.000Z'
		);
		expect(zonedToUtc('2027-07-10', '09:30', 'America/New_York')?.toISOString()).toBe(
			'2027-07-10T13:30:00.000Z'
		);
		expect(zonedToUtc('2027-01-05', '10:00', 'Asia/Kolkata')?.toISOString()).toBe(
			'2027-01-05T04:30:00.000Z'
		);
	});
	it('refuses a time skipped by a clock change and picks the first of a repeated hour', () => {
		expect(zonedToUtc('2027-03-28', '02:30', 'Europe/Prague')).toBeNull();
		expect(zonedToUtc('2027-10-31', '02:30', 'Europe/Prague')?.toISOString()).toBe(
			'2027-10-31T00:30:00.000Z'
		);
	});
	it('refuses malformed input', () => {
		for (const [d, t, z] of [
			['2027-02-30', '10:00', 'Europe/Prague'],
			['2027-13-01', '10:00', 'Europe/Prague'],
			['2027-01-01', '24:00', 'Europe/Prague'],
			['27-01-01', '10:00', 'Europe/Prague'],
			['2027-01-01', '10:00', 'Mars/Olympus']
		]) {
			expect(zonedToUtc(d, t, z)).toBeNull();
		}
	});
	it('round-trips through wallClock', () => {
		const at = zonedToUtc('2027-05-01', '07:15', 'Europe/Kyiv')!;
		expect(wallClock(at.getTime(), 'Europe/Kyiv')).toMatchObject({
			date: '2027-05-01',
			time: '07:15'
		});
	});
});
