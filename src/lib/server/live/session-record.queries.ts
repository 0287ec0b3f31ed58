import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { liveEvents } from '../db/schema/index.ts';

/** The activities whose results were shown to the group in this session. */
export async function listRevealedBlockIds(q: DbOrTx, sessionId: string) {
	const revealed = await q
		.select({ payload: liveEvents.payload })
		.from(liveEvents)
		.where(and(eq(liveEvents.cohortSessionId, sessionId), eq(liveEvents.kind, 'results')));
	return new Set(revealed.map((r) => (r.payload as { blockId: string }).blockId));
}
