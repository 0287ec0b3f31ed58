import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { optionalText, parseForm } from '#lib/forms/fields.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { listAnsweredPulses } from '#lib/server/pulse/pulse.queries.ts';
import { pulseOpen } from '#lib/server/pulse/pulse-window.ts';
import { answerPulse } from '#lib/server/pulse/answer-pulse.ts';
import { findOutcomeSettings } from '#lib/server/outcomes/outcome-settings.queries.ts';
import type { Actions, PageServerLoad } from './$types';

async function sessionOf(locals: App.Locals, id: string, n: string) {
	const { db } = await appContext();
	const a = await cohortAccess(db, locals, id);
	const session = a.ctx.sessions.find((s) => String(s.number) === n);
	if (!session || a.enrolment?.status !== 'enrolled') error(404, m.error_not_found());
	return { db, ...a, session };
}

/* The short feedback after a session: four questions and a comment, each one skippable. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db, ctx, user, session } = await sessionOf(locals, params.id, params.n);
	const answered = (await listAnsweredPulses(db, user.id, [session.id])).has(session.id);
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		number: session.number,
		title: sessionTitle(ctx, session.number, locals.locale),
		open: pulseOpen(session, new Date()),
		answered,
		minGroup: (await findOutcomeSettings(db, ctx.cohort.organisationId)).minGroup
	};
};

const scale = (max: number) =>
	z
		.string()
		.default('')
		.refine((v) => v === '' || (/^[1-9]$/.test(v) && Number(v) <= max), 'error_choice')
		.transform((v) => (v === '' ? null : Number(v)));

const pulse = z.object({
	useful: scale(5),
	pace: scale(3),
	ableToPass: scale(5),
	safeToShare: scale(5),
	comment: optionalText(2000)
});

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const { db, ctx, user, session } = await sessionOf(locals, params.id, params.n);
		const parsed = parseForm(pulse, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const r = await answerPulse(db, {
			cohortId: ctx.cohort.id,
			number: session.number,
			userId: user.id,
			values: parsed.data
		});
		if (!r.ok) {
			const message =
				r.reason === 'closed'
					? 'pulse_closed'
					: r.reason === 'already-answered'
						? 'pulse_already'
						: 'error_not_found';
			return fail(r.reason === 'not-found' ? 404 : 409, { message });
		}
		return { thanks: true };
	}
};
