import type { Db } from '../db/client.ts';
import type { Activity } from '../courses/course-package.schema.ts';
import { log } from '../log.ts';
import {
	insertAnswers,
	insertRespondents,
	listStatesForShare,
	type AnswerRow
} from './live-answers.queries.ts';
import { resultsFor } from './results.ts';
import { commitLiveEvents, type Announce } from './commit-live-events.ts';

export type AnswerOutcome = 'stored' | 'duplicate' | 'closed';

type Pending = {
	row: AnswerRow;
	/** For an anonymous poll: who answered, stored apart from the answer (live_respondents). */
	respondent: string | null;
	def: Activity;
	announce: Announce;
	resolve: (o: AnswerOutcome) => void;
	reject: (e: unknown) => void;
};

const MAX_BATCH = 500;

/*
 * Group commit for live answers. When eighteen people in a hundred sessions answer at once,
 * each answer in its own transaction queues them one behind another for the pool's few
 * connections. Here answers that arrive while a write is under way wait
 * for the next one and go together: one transaction, one insert, one "answered" event per
 * session and one announcement. A lone answer is written at once, so nothing is delayed when
 * the room is quiet; each caller is answered only after its answer is committed.
 */
export class AnswerBatcher {
	private queue: Pending[] = [];
	private running = false;
	private db: Db;

	constructor(db: Db) {
		this.db = db;
	}

	/** Resolves once the answer is committed (or known to be a repeat, or too late). */
	submit(
		row: AnswerRow,
		def: Activity,
		announce: Announce,
		respondent: string | null = null
	): Promise<AnswerOutcome> {
		return new Promise((resolve, reject) => {
			this.queue.push({ row, def, announce, respondent, resolve, reject });
			if (!this.running) {
				this.running = true;
				// Let the requests already parsed in this turn of the event loop join the first batch.
				setImmediate(() => void this.drain());
			}
		});
	}

	private async drain() {
		while (this.queue.length) {
			const batch = this.queue.splice(0, MAX_BATCH);
			try {
				const outcomes = await this.write(batch);
				batch.forEach((p, i) => p.resolve(outcomes[i]));
			} catch (e) {
				if (batch.length === 1) {
					log.error({ err: String(e) }, 'storing a live answer failed');
					batch[0].reject(e);
					continue;
				}
				// One bad row (its enrolment just removed, a deadlock) must not fail everyone
				// who answered with it: each answer is tried again on its own.
				log.warn(
					{ err: String(e), answers: batch.length },
					'live answer batch failed; retrying one by one'
				);
				for (const p of batch) {
					try {
						p.resolve((await this.write([p]))[0]);
					} catch (err) {
						log.error({ err: String(err) }, 'storing a live answer failed');
						p.reject(err);
					}
				}
			}
		}
		this.running = false;
	}

	private async write(batch: Pending[]): Promise<AnswerOutcome[]> {
		const sessions = [...new Set(batch.map((p) => p.row.cohortSessionId))];
		// Whose announce tells a session's streams: any caller who answered in it will do.
		const announcers = new Map(batch.map((p) => [p.row.cohortSessionId, p.announce]));
		const announce = (sessionId: string) => announcers.get(sessionId)!(sessionId);
		return commitLiveEvents(this.db, announce, async (tx, events) => {
			const states = new Map(
				(await listStatesForShare(tx, sessions)).map((s) => [s.sessionId, s.activity])
			);
			const isOpen = (p: Pending) => {
				const a = states.get(p.row.cohortSessionId);
				return !!a && a.status === 'open' && a.blockId === p.row.blockId;
			};
			const seen = new Set<string>();
			const open = batch.filter((p) => {
				if (!isOpen(p) || seen.has(p.row.id)) return false;
				seen.add(p.row.id);
				return true;
			});
			// An anonymous poll is answered once per person: the respondent row goes in first,
			// and an answer whose person is already there (a second tab, a forged post) is not
			// stored. The answer itself still carries no person.
			const respondentKey = (p: Pending) =>
				`${p.row.cohortSessionId} ${p.row.blockId} ${p.respondent}`;
			const newRespondents = await insertRespondents(
				tx,
				open
					.filter((p) => p.respondent)
					.map((p) => ({
						cohortSessionId: p.row.cohortSessionId,
						blockId: p.row.blockId,
						enrolmentId: p.respondent!,
						passed: !!p.row.passed
					}))
			);
			const fresh = open.filter((p) => !p.respondent || newRespondents.has(respondentKey(p)));
			const stored = await insertAnswers(
				tx,
				fresh.map((p) => p.row)
			);
			const firstOf = new Set<string>();
			const outcomes = batch.map((p): AnswerOutcome => {
				if (!isOpen(p)) return 'closed';
				if (stored.has(p.row.id) && !firstOf.has(p.row.id)) {
					firstOf.add(p.row.id);
					return 'stored';
				}
				return 'duplicate';
			});
			// One event per session and activity, however many answers the batch holds.
			const touched = new Map<string, Pending>();
			batch.forEach((p, i) => {
				if (outcomes[i] === 'stored') touched.set(`${p.row.cohortSessionId} ${p.row.blockId}`, p);
			});
			for (const p of touched.values()) {
				const sessionId = p.row.cohortSessionId;
				const blockId = p.row.blockId;
				events.record(sessionId, { kind: 'answered', payload: { blockId } });
				if (states.get(sessionId)?.revealed) {
					events.record(sessionId, {
						kind: 'results',
						payload: { blockId, results: await resultsFor(tx, sessionId, blockId, p.def) }
					});
				}
			}
			return outcomes;
		});
	}
}

const batchers = new WeakMap<Db, AnswerBatcher>();

/** One batcher per database handle (tests open several databases in one process). */
export function answerBatcher(db: Db) {
	let b = batchers.get(db);
	if (!b) {
		b = new AnswerBatcher(db);
		batchers.set(db, b);
	}
	return b;
}
