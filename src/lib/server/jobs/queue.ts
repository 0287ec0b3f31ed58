import { PgBoss, type JobResult, type Queue, type SendOptions, type WorkOptions } from 'pg-boss';
import type { Db, DbHandle, Tx } from '../db/client.ts';
import { jobQueueDbOf } from '../db/job-queue-db.ts';
import { log } from '../log.ts';

/** Per-queue settings, stored by pg-boss on the queue row and inherited by every job. */
export type QueueSettings = Pick<
	Queue,
	| 'policy'
	| 'retryLimit'
	| 'retryDelay'
	| 'retryBackoff'
	| 'retryDelayMax'
	| 'expireInSeconds'
	| 'deleteAfterSeconds'
>;

export type JobsOptions<Q extends string> = {
	/** Every queue the app uses. send/work/schedule accept only these names. */
	queues: Record<Q, QueueSettings>;
	/** Connections in pg-boss's own small `pg` pool on the app's database. Default 4. */
	maxConnections?: number;
	/** How often an idle worker looks for jobs. Default 2; at least 0.5. */
	pollingIntervalSeconds?: number;
	/** How long stop() lets running handlers finish. Default 5000. */
	stopTimeoutMs?: number;
};

export type SendJobOptions = {
	/**
	 * Deduplicates only on queues whose policy uses it: `exclusive` (no second job with this key
	 * while one is queued, retrying or running) or `short` (while one is queued). A duplicate
	 * send resolves to null. On `standard` queues the key is stored and nothing more.
	 */
	singletonKey?: string;
	/** A Date, an ISO string, or a number of seconds from now. */
	startAfter?: Date | string | number;
	retryLimit?: number;
	/** A Drizzle transaction to enqueue in: the job exists only if the transaction commits. */
	tx?: Pick<Db, 'execute'>;
};

export type JobContext = {
	id: string;
	/** 0 on the first attempt. */
	retryCount: number;
	/** Aborted when stop() gives up waiting for this handler. */
	signal: AbortSignal;
};

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

export type Jobs<Q extends string> = {
	/** Resolves to the job id, or null when a singletonKey deduplicated the send. */
	send(name: Q, data: object, opts?: SendJobOptions): Promise<string | null>;
	/**
	 * Runs `handler` once per job. A handler that throws fails that job only, which pg-boss
	 * retries up to the queue's retryLimit. Delivery is at least once: a job still running
	 * expireInSeconds after its batch was fetched, or one whose process died, runs again, so
	 * handlers with effects outside the database must be idempotent.
	 */
	work<T extends object>(
		name: Q,
		handler: JobHandler<T>,
		opts?: { batchSize?: number }
	): Promise<void>;
	/**
	 * Sends a job to `name` on a cron schedule (UTC unless `tz`). Across instances each occurrence
	 * is sent once. Idempotent; the schedule is stored in the database and outlives this process.
	 */
	schedule(name: Q, cron: string, data?: object, opts?: { tz?: string }): Promise<void>;
	unschedule(name: Q): Promise<void>;
	/** Stops polling and waits up to stopTimeoutMs for running handlers. Idempotent. */
	stop(): Promise<void>;
};

type PerJobWork = WorkOptions & { perJobResults: true };

const DEFAULT_QUEUE: QueueSettings = {
	retryLimit: 3,
	retryDelay: 30,
	retryBackoff: true,
	// pg-boss's 15 minutes would leave a job from a killed process waiting that long to be retried.
	expireInSeconds: 300
};

/**
 * Starts pg-boss on the app's database and creates (or updates) the declared queues.
 * Call stop() before closing the database handle.
 */
export async function startJobs<Q extends string>(
	handle: DbHandle,
	opts: JobsOptions<Q>
): Promise<Jobs<Q>> {
	const boss = new PgBoss(bossOptions(handle, opts));
	// An EventEmitter 'error' without a listener would crash the process.
	boss.on('error', (err) => log.error({ err: err.message }, 'job queue error'));
	boss.on('warning', (w) => log.warn({ warning: w.message }, 'job queue warning'));
	await boss.start();
	try {
		for (const [name, settings] of Object.entries(opts.queues) as [Q, QueueSettings][]) {
			const { policy, ...rest } = { ...DEFAULT_QUEUE, ...settings };
			await boss.createQueue(name, { policy, ...rest });
			// createQueue leaves an existing queue alone, so settings changed in code are applied here.
			// A policy cannot change after creation: rename the queue instead.
			await boss.updateQueue(name, rest);
		}
	} catch (e) {
		await boss.stop({ graceful: false });
		throw e;
	}

	const known = new Set<string>(Object.keys(opts.queues));
	const assertKnown = (name: string) => {
		if (!known.has(name)) throw new Error(`Job queue "${name}" is not declared in startJobs`);
	};
	const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 2;
	let stopping: Promise<void> | undefined;

	return {
		async send(name, data, o = {}) {
			assertKnown(name);
			const { tx, ...jobOptions } = o;
			// pg-boss validates a key that is present even when its value is undefined.
			const options = Object.fromEntries(
				Object.entries(jobOptions).filter(([, v]) => v !== undefined)
			) as SendOptions;
			if (tx) options.db = jobQueueDbOf(tx as Tx);
			return boss.send(name, data, options);
		},

		async work<T extends object>(name: Q, handler: JobHandler<T>, o: { batchSize?: number } = {}) {
			assertKnown(name);
			await boss.work<T, unknown, PerJobWork>(
				name,
				{
					pollingIntervalSeconds,
					// Batches keep a backlog moving: a full batch is followed by the next fetch at once
					// instead of a polling interval later.
					batchSize: o.batchSize ?? 5,
					burstWhenBatchFull: true,
					// Settled one by one, so one failing job does not fail (and retry) its batch.
					perJobResults: true
				},
				async (batch) => {
					const results: JobResult[] = [];
					for (const job of batch) {
						try {
							await handler(job.data, {
								id: job.id,
								retryCount: job.retryCount,
								signal: job.signal
							});
							results.push({ id: job.id, status: 'completed' });
						} catch (e) {
							const message = e instanceof Error ? e.message : String(e);
							log.warn(
								{ queue: name, jobId: job.id, retryCount: job.retryCount, err: message },
								'job failed'
							);
							results.push({ id: job.id, status: 'failed', output: { message } });
						}
					}
					return results;
				}
			);
		},

		async schedule(name, cron, data = {}, o = {}) {
			assertKnown(name);
			await boss.schedule(name, cron, data, { tz: o.tz ?? 'UTC' });
		},

		async unschedule(name) {
			assertKnown(name);
			await boss.unschedule(name);
		},

		stop() {
			stopping ??= boss.stop({ graceful: true, timeout: opts.stopTimeoutMs ?? 5000 });
			return stopping;
		}
	};
}

function bossOptions<Q extends string>(
	handle: DbHandle,
	opts: JobsOptions<Q>
): ConstructorParameters<typeof PgBoss>[0] {
	// node-postgres reads the URL's `host` query parameter as the embedded server's socket directory.
	return {
		connectionString: handle.url,
		max: opts.maxConnections ?? 4,
		application_name: 'trellis-jobs'
	};
}
