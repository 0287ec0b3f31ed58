export const DAY = 86_400_000;

/** Four weekly three-hour sessions from 1 March 2027, 17:00 UTC: dates for unit tests. */
export const WEEKLY_BASE = new Date('2027-03-01T17:00:00Z').getTime();
export const weeklySessions = [0, 1, 2, 3].map((i) => ({
	id: `s${i + 1}`,
	number: i + 1,
	startsAt: new Date(WEEKLY_BASE + i * 7 * DAY),
	endsAt: new Date(WEEKLY_BASE + i * 7 * DAY + 3 * 3_600_000)
}));
