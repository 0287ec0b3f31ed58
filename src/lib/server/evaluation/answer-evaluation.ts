import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { findOutcomeSettings } from '../outcomes/outcome-settings.queries.ts';
import { addEvaluationRespondent, insertEvaluationResponse } from './evaluation.queries.ts';
import { evaluationOpen, type Phase } from './evaluation-window.ts';
import { pseudonymOf } from './pseudonym.ts';

/**
 * A participant's pre or post questionnaire, once per phase, only while that phase is open.
 * The response is stored under the pseudonym with no person and no time; that the person
 * responded is stored apart, without answers; both in one transaction, so a second response
 * is refused and nothing is stored half-way. Answers were read by readEvaluationAnswers.
 */
export async function answerEvaluation(
	db: Db,
	cfg: Config,
	input: {
		cohortId: string;
		phase: Phase;
		userId: string;
		answers: Record<string, string | number>;
		now?: Date;
	}
): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'closed' | 'already-answered' }> {
	const now = input.now ?? new Date();
	const ctx = await loadCohortContext(db, input.cohortId);
	const questionnaire = ctx?.pkg.evaluation?.structure;
	if (!ctx || !questionnaire) return { ok: false, reason: 'not-found' };
	const enrolment = await findEnrolment(db, input.cohortId, input.userId);
	if (enrolment?.status !== 'enrolled') return { ok: false, reason: 'not-found' };
	const { postDays } = await findOutcomeSettings(db, ctx.cohort.organisationId);
	const sessions = ctx.sessions.filter((s) => !s.cancelledAt);
	if (ctx.cohort.cancelledAt || !evaluationOpen(input.phase, sessions, postDays, now)) {
		return { ok: false, reason: 'closed' };
	}
	return db.transaction(async (tx) => {
		const first = await addEvaluationRespondent(tx, {
			cohortId: input.cohortId,
			phase: input.phase,
			userId: input.userId
		});
		if (!first) return { ok: false as const, reason: 'already-answered' as const };
		await insertEvaluationResponse(tx, {
			cohortId: input.cohortId,
			phase: input.phase,
			questionnaire: `${questionnaire.id}@${questionnaire.version}`,
			pseudonym: pseudonymOf(cfg.secret, input.userId, input.cohortId),
			answers: input.answers
		});
		return { ok: true as const };
	});
}
