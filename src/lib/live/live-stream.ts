import { invalidateAll } from '$app/navigation';
import { LIVE_EVENT_KINDS, type ReceivedLiveEvent } from './live-events.ts';
import { followStream } from './follow-stream.ts';
import { coalesceRefreshes } from './coalesce-refreshes.ts';

/*
 * Keeps a hydrated live page (console, projector) current: the server sends small events; on
 * each we reload the page data (one request that already knows what this person may see).
 * Reconnecting and coalescing are shared with the participant page's script.
 */
export function followLive(
	sessionId: string,
	lastEventId: number,
	onEvent?: (event: ReceivedLiveEvent) => void
) {
	const reload = coalesceRefreshes(() => invalidateAll());
	const stream = followStream({
		sessionId,
		lastEventId,
		kinds: LIVE_EVENT_KINDS,
		onEvent: (event) => {
			onEvent?.(event);
			reload.request();
		},
		// Events missed while the stream was down are replayed; a reload catches anything else.
		onReopen: () => reload.request()
	});
	return () => {
		stream.close();
		reload.stop();
	};
}
