import { describe, expect, it } from 'vitest';
import { addMonths, isValidPeriod, latest } from './retention-periods.ts';

describe('retention periods', () => {
	it('adds calendar months in UTC, ending on the last day of a shorter month', () => {
		const iso = (s: string, n: number) => addMonths(new Date(s), n).toISOString();
		expect(iso('2027-01-27T21:00:00Z', 6)).toBe('2027-07-27T21:00:00.000Z');
		expect(iso('2027-01-31T12:00:00Z', 1)).toBe('2027-02-28T12:00:00.000Z');
		expect(iso('2027-08-31T12:00:00Z', 6)).toBe('2028-02-29T12:00:00.000Z');
		expect(iso('2027-12-15T00:00:00Z', 24)).toBe('2029-12-15T00:00:00.000Z');
		expect(iso('2027-03-31T00:00:00Z', -1)).toBe('2027-02-28T00:00:00.000Z');
	});

	it('accepts whole months within each kind’s limits only', () => {
		expect(isValidPeriod('live', 1)).toBe(true);
		expect(isValidPeriod('live', 0)).toBe(false);
		expect(isValidPeriod('evaluation', 3)).toBe(false);
		expect(isValidPeriod('evaluation', 4)).toBe(true);
		expect(isValidPeriod('audit', 5)).toBe(false);
		expect(isValidPeriod('outbox', 120)).toBe(true);
		expect(isValidPeriod('outbox', 121)).toBe(false);
		expect(isValidPeriod('workbook', 1.5)).toBe(false);
		expect(isValidPeriod('workbook', '12')).toBe(false);
	});

	it('takes the latest of the dates given, ignoring missing ones', () => {
		const a = new Date('2027-01-01T00:00:00Z');
		const b = new Date('2027-02-01T00:00:00Z');
		expect(latest(a, null, b, undefined)).toEqual(b);
	});
});
