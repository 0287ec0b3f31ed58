/** Dates and times in the viewer's locale and time zone; never a hard-coded locale. */
export function formatDateTime(
	value: Date | string,
	locale: string,
	timeZone: string,
	style: 'medium' | 'long' = 'medium'
): string {
	const d = typeof value === 'string' ? new Date(value) : value;
	return new Intl.DateTimeFormat(locale, {
		dateStyle: style,
		timeStyle: 'short',
		timeZone
	}).format(d);
}

export function formatDate(value: Date | string, locale: string, timeZone: string): string {
	const d = typeof value === 'string' ? new Date(value) : value;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d);
}

/** "27 Nov 2026, 18:00 – 21:00": one date when start and end share a day. */
export function formatRange(start: Date, end: Date, locale: string, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone
	}).formatRange(start, end);
}
