import { error, fail } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { findOutcomeSettings } from '#lib/server/outcomes/outcome-settings.queries.ts';
import { listRespondedPhases } from '#lib/server/evaluation/evaluation.queries.ts';
import { evaluationOpen, type Phase } from '#lib/server/evaluation/evaluation-window.ts';
import { readEvaluationAnswers } from '#lib/server/evaluation/evaluation-answers.ts';
import { answerEvaluation } from '#lib/server/evaluation/answer-evaluation.ts';
import { listEnabledPacks } from '#lib/server/evaluation/instrument-packs.queries.ts';
import { questionnaireWithPacks } from '#lib/server/evaluation/questionnaire-with-packs.ts';
import type { Actions, PageServerLoad } from './$types';

async function questionnaireOf(locals: App.Locals, id: string, phase: string) {
	const { db, cfg } = await appContext();
	if (phase !== 'pre' && phase !== 'post') error(404, m.error_not_found());
	const a = await cohortAccess(db, locals, id);
	const base = a.ctx.pkg.evaluation;
	if (!base || a.enrolment?.status !== 'enrolled') error(404, m.error_not_found());
	// Published instruments join the course's own items only once an admin confirmed permission.
	const q = questionnaireWithPacks(base, await listEnabledPacks(db, a.ctx.cohort.organisationId));
	return { db, cfg, ...a, q, phase: phase as Phase };
}

/* The pre or post questionnaire of the course, in the viewer's language; always optional. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db, ctx, user, q, phase } = await questionnaireOf(locals, params.id, params.phase);
	const { postDays, minGroup } = await findOutcomeSettings(db, ctx.cohort.organisationId);
	const text = q.text(locals.locale);
	const labels = q.labels(locals.locale);
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		phase,
		minGroup,
		postDays,
		open: evaluationOpen(
			phase,
			ctx.sessions.filter((s) => !s.cancelledAt),
			postDays,
			new Date()
		),
		answered: (await listRespondedPhases(db, ctx.cohort.id, user.id)).has(phase),
		title: text.title,
		intro: text.intro,
		items: q.structure.items.map((i) => ({
			id: i.id,
			kind: i.kind,
			text: text.items[i.id].text,
			labels: i.id.includes(':') ? (labels[i.id.split(':')[0]] ?? null) : null,
			options:
				i.kind === 'knowledge'
					? i.options.map((o) => ({ value: o, label: text.items[i.id].options?.[o] ?? o }))
					: []
		}))
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const { db, cfg, ctx, user, q, phase } = await questionnaireOf(locals, params.id, params.phase);
		const read = readEvaluationAnswers(q.structure, await request.formData(), q.scoring);
		if (!read.ok) return fail(400, { errors: read.errors, values: read.values });
		const r = await answerEvaluation(db, cfg, {
			cohortId: ctx.cohort.id,
			phase,
			userId: user.id,
			answers: read.answers
		});
		if (!r.ok) {
			const message =
				r.reason === 'closed'
					? 'evaluation_closed'
					: r.reason === 'already-answered'
						? 'evaluation_already'
						: 'error_not_found';
			return fail(r.reason === 'not-found' ? 404 : 409, { message });
		}
		return { thanks: true };
	}
};
