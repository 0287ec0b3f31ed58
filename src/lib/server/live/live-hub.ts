import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../db/client.ts';
import { log } from '../log.ts';
import {
	findLatestLiveEventId,
	listLiveEventsAfter,
	type StoredLiveEvent
} from './live-events.queries.ts';
import { ACCESS_CHANNEL } from './access-changes.queries.ts';
import type { LiveSubject } from './live-access.ts';
import { panelFrame } from './open-event-stream.ts';
import { renderSharedPanel } from './render-shared-panel.ts';
import {
	deletePresence,
	deleteStalePresence,
	listPresentParticipants,
	upsertPresence,
	type PresenceRow
} from './live-presence.queries.ts';

/** A stream; it drops events it already has (ids only ever grow). */
export type Subscriber = {
	facilitator: boolean;
	/** Whose stream this is: it is ended when that person's access changes. */
	userId?: string;
	/** Ends the stream (the browser reconnects and is authorised afresh). */
	close?: () => void;
	/** A participant's place; facilitators see who is connected through it. */
	enrolmentId?: string | null;
	send: (e: StoredLiveEvent) => void;
	/**
	 * A participant's stream that takes the shared panel with the news (ADR 025): after each
	 * batch of news it gets the panel, rendered once for everyone of its language and time
	 * zone, or a "fetch the page" when the panel cannot be shared just now.
	 */
	panels?: { subject: LiveSubject; timeZone: string } | null;
	/** Sends a frame that is not a stored event (a panel, or "fetch the page"). */
	sendFrame?: (frame: string) => void;
};

/** Renders a session's shared panel; null when it differs per person just now. */
export type RenderPanel = (subject: LiveSubject, timeZone: string) => Promise<string | null>;

const CHANNEL = 'trellis_live';
const PRESENCE_HEARTBEAT_MS = 30_000;
/* Three missed heartbeats: the instance is gone (killed, or cut off from the database). */
const PRESENCE_STALE_SECONDS = 90;

/*
 * Fans live events out to the event streams of this process. Events are always read back
 * from the database (never passed in memory), so what a client receives live is exactly
 * what it would get by replaying: one source of truth, whichever instance wrote the event.
 * NOTIFY tells every instance (this one included) that a session has news.
 *
 * Who is connected is kept in live_presence under this instance's random id, so any
 * instance can list the participants whose streams are on another one. Presence writes run
 * one after another in the background: opening or closing a stream never waits for them,
 * and delivery never touches them.
 */
export class LiveHub {
	readonly instanceId = randomUUID();
	private subs = new Map<string, Set<Subscriber>>();
	private cursor = new Map<string, number>();
	private chains = new Map<string, Promise<void>>();
	private unlisten: (() => Promise<void>)[] = [];
	private present = new Map<string, PresenceRow>();
	private presenceWrites: Promise<void> = Promise.resolve();
	private heartbeat: ReturnType<typeof setInterval> | undefined;
	private stopped = false;

	private handle: DbHandle;
	private heartbeatMs: number;
	private renderPanel: RenderPanel | undefined;
	constructor(handle: DbHandle, opts: { heartbeatMs?: number; renderPanel?: RenderPanel } = {}) {
		this.handle = handle;
		this.heartbeatMs = opts.heartbeatMs ?? PRESENCE_HEARTBEAT_MS;
		this.renderPanel = opts.renderPanel;
	}

	async start() {
		// Rows of instances that died without saying goodbye go now rather than at a heartbeat.
		this.queuePresence(() =>
			deleteStalePresence(this.handle.db, PRESENCE_STALE_SECONDS, this.instanceId)
		);
		this.heartbeat = setInterval(() => this.queuePresence(() => this.beat()), this.heartbeatMs);
		this.heartbeat.unref();
		const live = await this.handle.raw.listen(CHANNEL, (payload) => {
			// This instance's own news went out when it was announced (announce below).
			const { from, sessionId } = parseNews(payload);
			if (from !== this.instanceId) void this.deliver(sessionId);
		});
		const access = await this.handle.raw.listen(ACCESS_CHANNEL, (userId) =>
			this.closeStreamsOf(userId)
		);
		this.unlisten = [live.unlisten, access.unlisten];
	}

	async stop() {
		clearInterval(this.heartbeat);
		for (const u of this.unlisten) await u().catch(() => {});
		this.subs.clear();
		this.present.clear();
		// Leaving cleanly: the console stops listing these people now, not 90 s later.
		this.queuePresence(() =>
			deleteStalePresence(this.handle.db, PRESENCE_STALE_SECONDS, this.instanceId)
		);
		this.stopped = true;
		await this.presenceWrites;
	}

	/** Resolves once the presence writes queued so far are done (tests wait on it). */
	presenceSettled() {
		return this.presenceWrites;
	}

	private queuePresence(write: () => Promise<void>) {
		if (this.stopped) return;
		this.presenceWrites = this.presenceWrites
			.then(write)
			.catch((e) => log.error({ err: String(e) }, 'live presence write failed'));
	}

	/*
	 * Re-writes every row rather than only touching seen_at, so rows that another instance
	 * deleted while this one could not reach the database come back on the next beat.
	 */
	private async beat() {
		await upsertPresence(this.handle.db, this.instanceId, [...this.present.values()]);
		await deleteStalePresence(this.handle.db, PRESENCE_STALE_SECONDS);
	}

	/*
	 * Each write copies the count as it is when the write runs, not a delta, so the row
	 * always ends equal to the streams open here, however many opens and closes were queued.
	 */
	private track(sessionId: string, enrolmentId: string, delta: 1 | -1) {
		const key = `${sessionId}/${enrolmentId}`;
		const streams = (this.present.get(key)?.streams ?? 0) + delta;
		if (streams > 0) this.present.set(key, { cohortSessionId: sessionId, enrolmentId, streams });
		else this.present.delete(key);
		this.queuePresence(async () => {
			const row = this.present.get(key);
			if (row) {
				await upsertPresence(this.handle.db, this.instanceId, [row]);
			} else {
				await deletePresence(this.handle.db, this.instanceId, {
					cohortSessionId: sessionId,
					enrolmentId
				});
			}
		});
	}

	/**
	 * Ends every open stream of `userId` on this instance (see notifyAccessChanged). Access is
	 * checked when a stream opens, so the reconnect that follows lets through only the
	 * streams the person may still have.
	 */
	closeStreamsOf(userId: string) {
		for (const set of this.subs.values()) {
			for (const sub of [...set]) if (sub.userId === userId) sub.close?.();
		}
	}

	/**
	 * Announces new events of a session to every instance. This instance's own streams are
	 * served at once rather than after the notification's round trip through the database
	 * (the events are committed when this is called); the others hear it from NOTIFY.
	 */
	async announce(sessionId: string) {
		void this.deliver(sessionId);
		await this.handle.raw.notify(CHANNEL, `${this.instanceId}:${sessionId}`);
	}

	async subscribe(sessionId: string, sub: Subscriber) {
		let set = this.subs.get(sessionId);
		if (!set) {
			set = new Set();
			this.subs.set(sessionId, set);
			if (!this.cursor.has(sessionId)) {
				this.cursor.set(sessionId, await findLatestLiveEventId(this.handle.db, sessionId));
			}
		}
		set.add(sub);
		const enrolmentId = sub.facilitator ? null : sub.enrolmentId;
		if (enrolmentId) this.track(sessionId, enrolmentId, 1);
		let open = true;
		// Streams may call this twice (a failed write, then the cancel); count the close once.
		return () => {
			if (!open) return;
			open = false;
			set.delete(sub);
			if (set.size === 0) {
				this.subs.delete(sessionId);
				this.cursor.delete(sessionId);
			}
			if (enrolmentId) this.track(sessionId, enrolmentId, -1);
		};
	}

	/**
	 * Display names of the participants with a stream open on any instance, one per person
	 * (facilitators left out). Read from the database, so it is as fresh as the last write.
	 */
	async connectedNames(sessionId: string) {
		const rows = await listPresentParticipants(this.handle.db, sessionId, PRESENCE_STALE_SECONDS);
		return rows.map((r) => r.displayName || r.name).sort((a, b) => a.localeCompare(b));
	}

	/** One query per session per announcement, however many streams are open. */
	deliver(sessionId: string): Promise<void> {
		const prev = this.chains.get(sessionId) ?? Promise.resolve();
		const next = prev.then(async () => {
			const set = this.subs.get(sessionId);
			if (!set?.size) return;
			const after = this.cursor.get(sessionId) ?? 0;
			const events = await listLiveEventsAfter(this.handle.db, sessionId, after);
			if (!events.length) return;
			this.cursor.set(sessionId, events[events.length - 1].id);
			for (const sub of set) {
				for (const e of events) {
					if (e.audience === 'facilitators' && !sub.facilitator) continue;
					sub.send(e);
				}
			}
			// Events go out first: rendering before sending held every event back by the
			// render, which in a burst of 100 sessions added up (issue #13's figures).
			const news = events.filter((e) => e.audience === 'all');
			if (!news.length) return;
			const panels = await this.renderPanels(set, news);
			for (const sub of set) {
				// A stream that came in while the panels were rendered gets "fetch the page".
				if (sub.panels && sub.sendFrame) {
					sub.sendFrame(panels.get(panelKey(sub.panels)) ?? panelFrame(null));
				}
			}
		});
		const guarded = next.catch((e) =>
			log.error({ err: String(e), sessionId }, 'live delivery failed')
		);
		this.chains.set(sessionId, guarded);
		return guarded;
	}

	/*
	 * One render per language and time zone for a session's news, however many participants
	 * read it: this is what keeps 18 people from each fetching and rendering the page after
	 * every facilitator action. Returns each group's frame, by panelKey.
	 */
	private async renderPanels(set: Set<Subscriber>, news: StoredLiveEvent[]) {
		const frames = new Map<string, string>();
		// An acknowledged "I need a moment" is one person's news: their own page says so.
		const personal = news.some((e) => e.kind === 'moment-ack');
		for (const sub of set) {
			if (!sub.panels || !sub.sendFrame) continue;
			const key = panelKey(sub.panels);
			if (frames.has(key)) continue;
			let panel: string | null = null;
			if (!personal && this.renderPanel) {
				const { subject, timeZone } = sub.panels;
				panel = await this.renderPanel(subject, timeZone).catch((e) => {
					log.error({ err: String(e), sessionId: subject.sessionId }, 'live panel render failed');
					return null;
				});
			}
			frames.set(key, panelFrame(panel));
		}
		return frames;
	}
}

/* "instance:session" since announcements name their sender; a bare session id is from an older version. */
function parseNews(payload: string) {
	const at = payload.indexOf(':');
	return at < 0
		? { from: null, sessionId: payload }
		: { from: payload.slice(0, at), sessionId: payload.slice(at + 1) };
}

function panelKey(p: NonNullable<Subscriber['panels']>) {
	return `${p.subject.locale}|${p.timeZone}`;
}

let hub: Promise<LiveHub> | undefined;
export function liveHub(getHandle: () => Promise<DbHandle>) {
	hub ??= (async () => {
		const handle = await getHandle();
		const h = new LiveHub(handle, {
			renderPanel: (subject, timeZone) => renderSharedPanel(handle.db, subject, timeZone)
		});
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
