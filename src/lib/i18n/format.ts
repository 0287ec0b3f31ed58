/*
 * Building an Intl.DateTimeFormat costs far more than using one (a crisis panel with four
 * dates made it a visible share of a live page's render), so formatters are kept per
 * locale, zone and style. A deployment sees a handful of combinations.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		if (formatters.size > 500) formatters.clear();
		f = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, f);
	}
	return f;
}

/** Dates and times in the viewer's locale and time zone; never a hard-coded locale. */
export function formatDateTime(
	value: Date | string,
	locale: string,
	timeZone: string,
	style: 'medium' | 'long' = 'medium'
): string {
	const d = typeof value === 'string' ? new Date(value) : value;
	return formatter(locale, { dateStyle: style, timeStyle: 'short', timeZone }).format(d);
}

/** A time of day, "18:05", in the viewer's locale and time zone. */
export function formatTime(value: Date | string, locale: string, timeZone: string): string {
	const d = typeof value === 'string' ? new Date(value) : value;
	return formatter(locale, { timeStyle: 'short', timeZone }).format(d);
}

export function formatDate(value: Date | string, locale: string, timeZone: string): string {
	const d = typeof value === 'string' ? new Date(value) : value;
	return formatter(locale, { dateStyle: 'long', timeZone }).format(d);
}

/** "27 Nov 2026, 18:00 – 21:00": one date when start and end share a day. */
export function formatRange(start: Date, end: Date, locale: string, timeZone: string): string {
	return formatter(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).formatRange(
		start,
		end
	);
}
