import type { DbHandle } from '../db/client.ts';
import { log } from '../log.ts';
import { eventsAfter, latestEventId, type LiveEvent } from './live.queries.ts';

/** A stream; it drops events it already has (ids only ever grow). */
export type Subscriber = {
	facilitator: boolean;
	/** Shown to facilitators as "connected"; a display name, never an email. */
	name?: string;
	send: (e: LiveEvent) => void;
};

const CHANNEL = 'trellis_live';

/*
 * Fans live events out to the event streams of this process. Events are always read back
 * from the database (never passed in memory), so what a client receives live is exactly
 * what it would get by replaying: one source of truth, whichever instance wrote the event.
 * With PostgreSQL, NOTIFY tells every instance that a session has news; with PGlite there
 * is only this process, so publishing delivers directly.
 */
export class LiveHub {
	private subs = new Map<string, Set<Subscriber>>();
	private cursor = new Map<string, number>();
	private chains = new Map<string, Promise<void>>();
	private unlisten: (() => Promise<void>) | undefined;

	private handle: DbHandle;
	constructor(handle: DbHandle) {
		this.handle = handle;
	}

	async start() {
		if (this.handle.kind !== 'postgres') return;
		const sql = this.handle.raw as {
			listen: (ch: string, fn: (p: string) => void) => Promise<{ unlisten: () => Promise<void> }>;
		};
		const l = await sql.listen(CHANNEL, (sessionId) => this.deliver(sessionId));
		this.unlisten = l.unlisten;
	}

	async stop() {
		await this.unlisten?.().catch(() => {});
		this.subs.clear();
	}

	/** Announces new events of a session to every instance (or, on PGlite, delivers them). */
	async announce(sessionId: string) {
		if (this.handle.kind === 'postgres') {
			const sql = this.handle.raw as { notify: (ch: string, p: string) => Promise<unknown> };
			await sql.notify(CHANNEL, sessionId);
		} else {
			await this.deliver(sessionId);
		}
	}

	async subscribe(sessionId: string, sub: Subscriber) {
		let set = this.subs.get(sessionId);
		if (!set) {
			set = new Set();
			this.subs.set(sessionId, set);
			if (!this.cursor.has(sessionId)) {
				this.cursor.set(sessionId, await latestEventId(this.handle.db, sessionId));
			}
		}
		set.add(sub);
		return () => {
			set.delete(sub);
			if (set.size === 0) {
				this.subs.delete(sessionId);
				this.cursor.delete(sessionId);
			}
		};
	}

	connected(sessionId: string) {
		return this.subs.get(sessionId)?.size ?? 0;
	}

	/** Participants with an open stream to this instance (facilitators left out). */
	connectedNames(sessionId: string) {
		const names = new Set<string>();
		for (const s of this.subs.get(sessionId) ?? []) if (!s.facilitator && s.name) names.add(s.name);
		return [...names].sort((a, b) => a.localeCompare(b));
	}

	/** One query per session per announcement, however many streams are open. */
	deliver(sessionId: string): Promise<void> {
		const prev = this.chains.get(sessionId) ?? Promise.resolve();
		const next = prev.then(async () => {
			const set = this.subs.get(sessionId);
			if (!set?.size) return;
			const after = this.cursor.get(sessionId) ?? 0;
			const events = await eventsAfter(this.handle.db, sessionId, after);
			if (!events.length) return;
			this.cursor.set(sessionId, events[events.length - 1].id);
			for (const sub of set) {
				for (const e of events) {
					if (e.audience === 'facilitators' && !sub.facilitator) continue;
					sub.send(e);
				}
			}
		});
		const guarded = next.catch((e) =>
			log.error({ err: String(e), sessionId }, 'live delivery failed')
		);
		this.chains.set(sessionId, guarded);
		return guarded;
	}
}

let hub: Promise<LiveHub> | undefined;
export function liveHub(getHandle: () => Promise<DbHandle>) {
	hub ??= (async () => {
		const h = new LiveHub(await getHandle());
		await h.start();
		return h;
	})();
	return hub;
}

export async function stopLiveHub() {
	const h = await hub?.catch(() => undefined);
	hub = undefined;
	await h?.stop();
}
