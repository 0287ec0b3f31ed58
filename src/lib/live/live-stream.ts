import { invalidateAll } from '$app/navigation';

/*
 * Keeps a live page current: the server sends small events; on each we reload the page data
 * (one request that already knows what this person may see). EventSource reconnects by
 * itself and sends Last-Event-ID, so the server replays anything missed while offline.
 */
export function followLive(
	sessionId: string,
	lastEventId: number,
	onEvent?: (kind: string) => void
) {
	const es = new EventSource(`/live/${sessionId}/events?lastEventId=${lastEventId}`);
	let pending = false;
	const refresh = (kind: string) => {
		onEvent?.(kind);
		if (pending) return;
		pending = true;
		// Coalesce bursts (twenty answers in a second) into one reload.
		setTimeout(() => {
			pending = false;
			void invalidateAll();
		}, 150);
	};
	for (const kind of ['state', 'results', 'answered', 'moment', 'moment-ack', 'hidden']) {
		es.addEventListener(kind, () => refresh(kind));
	}
	return () => es.close();
}
