import type { RequestEvent } from '@sveltejs/kit';

/** The address a rate limit is keyed on. */
export function clientKey(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
