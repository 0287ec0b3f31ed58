/*
 * Wall-clock time in a named time zone <-> instants, with Intl only (no Temporal in Node 24).
 * Facilitators enter session times as they read them on the cohort's clock; we store instants.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

export function isTimeZone(tz: string): boolean {
	try {
		formatter(tz);
		return true;
	} catch {
		return false;
	}
}

/** The wall clock in `timeZone` at instant `ms`, as fields. */
export function wallClock(ms: number, timeZone: string) {
	const parts = Object.fromEntries(
		formatter(timeZone)
			.formatToParts(new Date(ms))
			.map((p) => [p.type, p.value])
	);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}`,
		asUtcMs: Date.UTC(
			+parts.year,
			+parts.month - 1,
			+parts.day,
			+parts.hour,
			+parts.minute,
			+parts.second
		)
	};
}

/**
 * The instant at which the clock in `timeZone` shows `date` `time` (YYYY-MM-DD, HH:MM), or
 * null when that wall time does not exist there (skipped by a daylight-saving change) or the
 * input is malformed. In the repeated hour of an autumn change the earlier instant is chosen.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t || !isTimeZone(timeZone)) return null;
	const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2]);
	const check = new Date(wall);
	if (
		check.getUTCFullYear() !== +d[1] ||
		check.getUTCMonth() !== +d[2] - 1 ||
		check.getUTCDate() !== +d[3] ||
		+t[1] > 23 ||
		+t[2] > 59
	) {
		return null;
	}
	const offsetAt = (ms: number) => wallClock(ms, timeZone).asUtcMs - ms;
	const candidates = [wall - offsetAt(wall - 86_400_000), wall - offsetAt(wall + 86_400_000)];
	const valid = candidates
		.filter((ms) => wallClock(ms, timeZone).asUtcMs === wall)
		.sort((a, b) => a - b);
	return valid.length ? new Date(valid[0]) : null;
}
