/*
 * Responses can arrive out of order (a refresh sent before an answer, back after it): only a
 * response to a request sent later than the one shown may replace it.
 */
export function createResponseOrder() {
	let sent = 0;
	let shown = 0;
	return {
		/** Numbers a request as it is sent. */
		ticket: () => ++sent,
		/** Whether the response to request `n` may be shown (and, if so, it now is the newest). */
		isNewest(n: number) {
			if (n < shown) return false;
			shown = n;
			return true;
		}
	};
}

/** The live panel in a fetched page, or null when the page is something else. */
export function panelOf(html: string, panelId: string) {
	return new DOMParser().parseFromString(html, 'text/html').getElementById(panelId);
}

export const PAGE_REQUEST: RequestInit = {
	credentials: 'same-origin',
	headers: { accept: 'text/html' }
};
