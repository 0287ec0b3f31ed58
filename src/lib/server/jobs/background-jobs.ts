import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/client.ts';
import { log } from '../log.ts';
import { sendDueReminders } from '../schedule/send-reminders.ts';
import { sendEvaluationReminders } from '../evaluation/send-evaluation-reminders.ts';
import { startJobs } from './queue.ts';
import { startEmailCourier } from '../notifications/email-courier.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';
import { runRetention } from '../retention/run-retention.ts';

export type BackgroundJobOptions = {
	/** The clock the sweep reads; tests move it, the app uses the real one. */
	now?: () => Date;
	pollingIntervalSeconds?: number;
	/** Called after each sweep (tests wait on it). */
	onSwept?: (sent: number) => void;
	/** Called after each email delivery run. */
	onDelivered?: (sent: number) => void;
	/** Called after each retention run. */
	onRetention?: (r: Awaited<ReturnType<typeof runRetention>>) => void;
	/** Tests send sweeps themselves instead of waiting for the minute. */
	schedule?: boolean;
};

/*
 * The app's background work: email delivery (notifications/email-courier.ts), the
 * scheduled reminder sweep and the daily retention run. pg-boss runs the sweep once a minute
 * across all instances ('exclusive': at most one queued or running); sendDueReminders itself is exactly-once per
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
		queues: {
			'reminder-sweep': { policy: 'exclusive', retryLimit: 2, expireInSeconds: 120 },
			'email-sweep': { policy: 'exclusive', retryLimit: 2, expireInSeconds: 600 },
			'retention-daily': { policy: 'exclusive', retryLimit: 3, expireInSeconds: 1800 }
		}
	});
	const courier = await startEmailCourier(handle, app, { now, onDelivered: opts.onDelivered });
	// Each instance delivers as soon as an email is queued; the minute's sweep picks up retries
	// that have come due and anything an instance left behind when it died.
	await jobs.work('email-sweep', () => courier.wake());
	await jobs.work('reminder-sweep', async () => {
		const at = now();
		const sent =
			(await sendDueReminders(app.db, app.cfg, at)) +
			(await sendEvaluationReminders(app.db, app.cfg, at));
		if (sent) log.info({ sent }, 'sent session and questionnaire reminders');
		opts.onSwept?.(sent);
	});
	// Retention (ADR 028): what is due by its plan, once a day. A retried or repeated run deletes
	// nothing more and tells nobody twice.
	await jobs.work('retention-daily', async () => {
		const org = await currentOrganisation(app.db);
		const r = await runRetention(app.db, app.cfg, { organisationId: org.id, now: now() });
		if (r.notices || r.deleted.length) log.info(r, 'retention: notices sent and data deleted');
		opts.onRetention?.(r);
	});
	if (opts.schedule !== false) {
		await jobs.schedule('reminder-sweep', '* * * * *');
		await jobs.schedule('email-sweep', '* * * * *');
		await jobs.schedule('retention-daily', '0 3 * * *');
	}
	return {
		...jobs,
		async stop() {
			await jobs.stop();
			await courier.stop();
		}
	};
}
