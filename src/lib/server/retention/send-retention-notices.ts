import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import {
	insertNotificationClaim,
	setNotificationEmail
} from '../notifications/notifications.queries.ts';
import { retentionNotice } from '../notifications/templates/retention-notice.ts';
import { listWorkbookOwners } from './retention.queries.ts';
import { noticeKey } from './retention-periods.ts';
import { noticeDue, type RetentionPlan } from './plan-retention.ts';

/**
 * Tells each person whose workbook a plan will delete, once, at least 14 days ahead: from 14
 * days before the period ends, every person who wrote in the cohort's workbook and has not
 * been told gets one email in their language, with the date and the way to their data
 * ("Download my data" on the profile). Exactly once per person and cohort, whatever the
 * number of runs or instances: the claim (`retention-workbook:<cohort>:<person>`) and the
 * email commit together. Returns how many were written.
 */
export async function sendRetentionNotices(
	db: Db,
	cfg: Config,
	input: { plan: RetentionPlan; now: Date }
) {
	let sent = 0;
	for (const item of input.plan.items) {
		if (!noticeDue(item, input.now) || !item.cohortId || !item.endedAt) continue;
		const owners = await listWorkbookOwners(db, item.cohortId);
		for (const person of owners) {
			const wrote = await db.transaction(async (tx) => {
				const claimed = await insertNotificationClaim(tx, {
					key: noticeKey(item.cohortId!, person.id),
					userId: person.id,
					cohortId: item.cohortId!,
					// The deletion waits 14 days from this moment (planRetention).
					createdAt: input.now
				});
				if (!claimed) return false;
				const emailId = await enqueueEmail(
					tx,
					cfg,
					retentionNotice({
						to: person,
						cohortId: item.cohortId!,
						cohort: item.cohortName ?? '',
						months: input.plan.settings.workbook,
						endedAt: item.endedAt!,
						deleteOn: item.deleteOn,
						profileUrl: `${cfg.origin}/profile`
					})
				);
				await setNotificationEmail(tx, claimed, emailId);
				return true;
			});
			if (wrote) sent++;
		}
	}
	return sent;
}
