import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/client.ts';
import { log } from '../log.ts';
import { sendDueReminders } from '../schedule/send-reminders.ts';
import { startJobs } from './queue.ts';

export type BackgroundJobOptions = {
	/** The clock the sweep reads; tests move it, the app uses the real one. */
	now?: () => Date;
	pollingIntervalSeconds?: number;
	/** Called after each sweep (tests wait on it). */
	onSwept?: (sent: number) => void;
	/** Tests send sweeps themselves instead of waiting for the minute. */
	schedule?: boolean;
};

/*
 * The app's scheduled work. pg-boss runs the sweep once a minute across all instances
 * ('exclusive': at most one queued or running); sendDueReminders itself is exactly-once per
 * reminder through its notification keys, so an extra or retried sweep is harmless.
 */
export async function startBackgroundJobs(
	handle: DbHandle,
	app: { db: Db; cfg: Config },
	opts: BackgroundJobOptions = {}
) {
	const now = opts.now ?? (() => new Date());
	const jobs = await startJobs(handle, {
		pollingIntervalSeconds: opts.pollingIntervalSeconds,
		queues: { 'reminder-sweep': { policy: 'exclusive', retryLimit: 2, expireInSeconds: 120 } }
	});
	await jobs.work('reminder-sweep', async () => {
		const sent = await sendDueReminders(app.db, app.cfg, now());
		if (sent) log.info({ sent }, 'sent session reminders');
		opts.onSwept?.(sent);
	});
	if (opts.schedule !== false) await jobs.schedule('reminder-sweep', '* * * * *');
	return jobs;
}
