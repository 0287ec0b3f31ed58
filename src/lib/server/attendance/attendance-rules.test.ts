import { describe, expect, it } from 'vitest';
import { DAY, WEEKLY_BASE, weeklySessions } from '../testing/weekly-sessions.ts';
import { completionOf } from './completion.ts';
import { csvCell, toCsv } from './export-csv.ts';
import type { AttendanceStatus } from '../db/schema/index.ts';

const base = WEEKLY_BASE;
const sessions = weeklySessions;
const marks = (m: Record<string, AttendanceStatus>) => new Map(Object.entries(m));
const after = new Date(base + 30 * DAY);

describe('completion', () => {
	const rule = { minPresent: 3, required: [] as number[] };
	it('is completed at 3 of 4, counting late and left early, not excused', () => {
		expect(
			completionOf(rule, sessions, marks({ s1: 'present', s2: 'late', s3: 'left_early' }), after)
		).toBe('completed');
		expect(
			completionOf(rule, sessions, marks({ s1: 'present', s2: 'late', s3: 'excused' }), after)
		).toBe('not_completed');
	});
	it('stays in progress while it can still be reached, and decides as soon as it cannot', () => {
		const mid = new Date(base + 8 * DAY); // sessions 1 and 2 are over
		expect(completionOf(rule, sessions, marks({ s1: 'present' }), mid)).toBe('in_progress');
		expect(completionOf(rule, sessions, marks({}), mid)).toBe('not_completed');
	});
	it('honours sessions that cannot be missed', () => {
		const strict = { minPresent: 3, required: [4] };
		expect(
			completionOf(strict, sessions, marks({ s1: 'present', s2: 'present', s3: 'present' }), after)
		).toBe('not_completed');
		expect(
			completionOf(strict, sessions, marks({ s1: 'present', s2: 'present', s4: 'present' }), after)
		).toBe('completed');
	});
});

describe('exports', () => {
	it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('Novák, Jana')).toBe('"Novák, Jana"');
		expect(toCsv([['a', null]])).toBe('\uFEFFa,\r\n');
	});
});
