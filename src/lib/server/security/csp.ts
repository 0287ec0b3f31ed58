/** The header a page sets to have its video server allowed; never sent to the browser. */
export const VIDEO_ORIGIN_HEADER = 'x-trellis-video-origin';

const ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/** Whether a video server's origin can be allowed by the policy (embedding needs that). */
export function isPlainHttpsOrigin(origin: string) {
	return ORIGIN.test(origin);
}

/**
 * Opens a Content-Security-Policy for one video server: its IFrame API script and its frame.
 * Everything else stays as Kit wrote it (nonces included); an origin that is not a plain
 * https origin changes nothing.
 */
export function allowVideoServer(csp: string, origin: string) {
	if (!isPlainHttpsOrigin(origin)) return csp;
	return csp
		.split(';')
		.map((d) => {
			const [name, ...values] = d.trim().split(/\s+/);
			if (name === 'script-src') return [name, ...values, origin].join(' ');
			if (name === 'frame-src') return [name, origin].join(' ');
			return d.trim();
		})
		.join('; ');
}
