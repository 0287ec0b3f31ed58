import { getDbHandle } from '../db/index.ts';
import { liveHub } from './live-hub.ts';

/**
 * Tells every event stream (on every instance) that a session has new events. Routes pass it
 * to the use cases that write events; commitLiveEvents calls it after the commit. Tests pass
 * their own (the process-wide hub would open the app's database).
 */
export async function announce(sessionId: string) {
	await (await liveHub(getDbHandle)).announce(sessionId);
}
