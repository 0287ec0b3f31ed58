/** Minutes from the session's start as h:mm, e.g. 95 → "1:35". */
export function clock(minutes: number): string {
	return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
