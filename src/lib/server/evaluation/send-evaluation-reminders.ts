import * as m from '#lib/paraglide/messages.js';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { listEnrolledRecipients } from '../schedule/schedule.queries.ts';
import { asLocale } from '../i18n/locale.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { message } from '../notifications/templates/layout.ts';
import {
	insertNotificationClaim,
	setNotificationEmail
} from '../notifications/notifications.queries.ts';
import { findOutcomeSettings } from '../outcomes/outcome-settings.queries.ts';
import { listCohortsWithSessionBetween, listRespondents } from './evaluation.queries.ts';
import type { Phase } from './evaluation-window.ts';

const HOUR = 3_600_000;

/*
 * One reminder per person and phase, to those who have not answered: the pre questionnaire
 * from two days before session 1 until an hour before it; the post one from a day after the
 * last session until the end of its window. Once only, through the notification claims; the
 * email goes through the outbox in the claim's transaction.
 */
export async function sendEvaluationReminders(db: Db, cfg: Config, now: Date) {
	let sent = 0;
	const pre = await listCohortsWithSessionBetween(db, {
		number: 1,
		edge: 'start',
		after: new Date(now.getTime() + HOUR),
		until: new Date(now.getTime() + 48 * HOUR)
	});
	// The post window is at least a day; the organisation's length is checked per cohort.
	const post = await listCohortsWithSessionBetween(db, {
		number: 4,
		edge: 'end',
		after: new Date(now.getTime() - 90 * 24 * HOUR),
		until: new Date(now.getTime() - 24 * HOUR)
	});
	for (const [phase, ids] of [
		['pre', pre],
		['post', post]
	] as [Phase, string[]][]) {
		for (const id of ids) sent += await remind(db, cfg, id, phase, now);
	}
	return sent;
}

async function remind(db: Db, cfg: Config, cohortId: string, phase: Phase, now: Date) {
	const ctx = await loadCohortContext(db, cohortId);
	if (!ctx?.pkg.evaluation) return 0;
	if (phase === 'post') {
		const { postDays } = await findOutcomeSettings(db, ctx.cohort.organisationId);
		const last = ctx.sessions.filter((s) => !s.cancelledAt).at(-1);
		if (!last || now.getTime() > last.endsAt.getTime() + postDays * 24 * HOUR) return 0;
	}
	const done = await listRespondents(db, cohortId, phase);
	let sent = 0;
	for (const p of await listEnrolledRecipients(db, cohortId)) {
		if (done.has(p.id)) continue;
		const wrote = await db.transaction(async (tx) => {
			const claim = await insertNotificationClaim(tx, {
				key: `evaluation-${phase}:${cohortId}:${p.id}`,
				userId: p.id,
				cohortId
			});
			if (!claim) return false;
			const o = { locale: asLocale(p.locale) };
			const emailId = await enqueueEmail(tx, cfg, {
				...message(
					`evaluation-${phase}`,
					p.email,
					o.locale,
					m.email_evaluation_subject({ cohort: ctx.cohort.name }, o),
					[
						phase === 'pre'
							? m.email_evaluation_pre_body({}, o)
							: m.email_evaluation_post_body({}, o)
					],
					m.email_evaluation_action({}, o),
					`${cfg.origin}/cohorts/${cohortId}/evaluation/${phase}`,
					m.footer_text({}, o)
				),
				cohortId
			});
			await setNotificationEmail(tx, claim, emailId);
			return true;
		});
		if (wrote) sent++;
	}
	return sent;
}
