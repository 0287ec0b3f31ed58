import { getDbHandle } from '../db/index.ts';
import { liveHub } from './live-hub.ts';

/** Tells every event stream (on every instance) that a session has new events; call after commit. */
export async function announce(sessionId: string) {
	await (await liveHub(getDbHandle)).announce(sessionId);
}
