import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/client.ts';
import { log } from '../log.ts';
import { deliverDueEmails } from './deliver-emails.ts';

/**
 * Delivers the outbox as soon as something is queued: every enqueue notifies 'trellis_email'
 * when its transaction commits, and each instance's courier wakes on it. One delivery runs at
 * a time per instance; a wake during a run makes it run once more, so nothing committed
 * meanwhile waits for the minute's sweep (which catches retries and other instances' leftovers).
 */
export async function startEmailCourier(
	handle: DbHandle,
	app: { db: Db; cfg: Config },
	opts: { now?: () => Date; onDelivered?: (sent: number) => void } = {}
) {
	let running: Promise<void> | undefined;
	let again = false;
	const run = async () => {
		do {
			again = false;
			try {
				const sent = await deliverDueEmails(app.db, app.cfg, { now: opts.now });
				if (sent) log.info({ sent }, 'emails delivered');
				opts.onDelivered?.(sent);
			} catch (e) {
				log.error({ err: String(e) }, 'email delivery stopped; the next wake or sweep retries');
			}
		} while (again);
	};
	const wake = () => {
		if (running) {
			again = true;
			return running;
		}
		running = run().finally(() => (running = undefined));
		return running;
	};
	const { unlisten } = await handle.raw.listen('trellis_email', () => void wake());
	void wake();
	return {
		/** Runs a delivery now (the minute's sweep), or once more after the running one. */
		wake,
		async stop() {
			await unlisten().catch(() => {});
			await running;
		}
	};
}
