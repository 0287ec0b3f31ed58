/**
 * A fixed-window counter kept in this process's memory, for the live room's answers, votes
 * and "I need a moment" signals: up to 1,800 people answer within seconds, and a database
 * upsert with its own commit per answer doubled the writes of the answer path and held the
 * answers back (issue #13). The limit is there to stop a runaway script, not to count
 * precisely: with several app instances a person could at most reach it once per instance,
 * and a restart forgets the counts. Limits that guard accounts (sign-in, invitations, joins)
 * stay in the database (rate-limit.ts).
 */
export class BurstLimit {
	private windows = new Map<string, { start: number; count: number }>();
	private lastSweep = 0;
	private max: number;
	private windowMs: number;

	constructor(limit: { max: number; windowS: number }) {
		this.max = limit.max;
		this.windowMs = limit.windowS * 1000;
	}

	/** Counts one use of `key`; true while the window's count is within the limit. */
	hit(key: string, now = Date.now()) {
		this.sweep(now);
		let w = this.windows.get(key);
		if (!w || now - w.start >= this.windowMs) {
			w = { start: now, count: 0 };
			this.windows.set(key, w);
		}
		w.count++;
		return w.count <= this.max;
	}

	/* Ended windows go once per window, so the map holds only people active lately. */
	private sweep(now: number) {
		if (now - this.lastSweep < this.windowMs) return;
		this.lastSweep = now;
		for (const [key, w] of this.windows) {
			if (now - w.start >= this.windowMs) this.windows.delete(key);
		}
	}
}
