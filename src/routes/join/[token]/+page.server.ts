import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { email, parseForm } from '#lib/forms/fields.ts';
import { clientKey } from '#lib/server/accounts/client-key.ts';
import { joinRequestAllowed } from '#lib/server/enrolment/join-request-limits.ts';
import { findCohortByJoinToken } from '#lib/server/cohorts/cohorts.queries.ts';
import { isClosed, loadCohortContext, sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { joinCohort } from '#lib/server/enrolment/join-cohort.ts';
import { inviteToCohort } from '#lib/server/enrolment/invite-to-cohort.ts';
import type { Actions, PageServerLoad } from './$types';

async function cohortFor(token: string) {
	if (token.length > 200) return undefined;
	const { db } = await appContext();
	const c = await findCohortByJoinToken(db, token);
	return c ? loadCohortContext(db, c.id) : undefined;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const ctx = await cohortFor(params.token);
	if (!ctx) return { state: 'invalid' as const };
	const now = new Date();
	return {
		state: isClosed(ctx, now) ? ('closed' as const) : ('open' as const),
		name: ctx.cohort.name,
		needsApproval: ctx.cohort.joinNeedsApproval,
		signedIn: !!locals.user,
		timeZone: locals.user?.timeZone ?? ctx.cohort.timeZone,
		sessions: ctx.sessions.map((s) => ({
			number: s.number,
			title: sessionTitle(ctx, s.number, locals.locale),
			startsAt: s.startsAt,
			endsAt: s.endsAt
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { params, request, locals } = event;
		const { db, cfg } = await appContext();
		const ctx = await cohortFor(params.token);
		if (!ctx) return fail(410, { message: 'error_join_link' });
		if (isClosed(ctx, new Date())) return fail(410, { message: 'error_cohort_closed' });
		if (locals.user) {
			const r = await joinCohort(db, cfg, {
				cohortId: ctx.cohort.id,
				userId: locals.user.id,
				via: 'link'
			});
			if (!r.ok) {
				return fail(r.reason === 'closed' ? 410 : 403, {
					message: r.reason === 'closed' ? 'error_cohort_closed' : 'error_join_refused'
				});
			}
			redirect(303, `/cohorts/${ctx.cohort.id}`);
		}
		// Without an account: we email an invitation, so the address is proven before anything is stored about the person.
		const parsed = parseForm(z.object({ email }), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const allowed = await joinRequestAllowed(db, {
			client: clientKey(event),
			email: parsed.data.email,
			scale: cfg.RATE_LIMIT_SCALE
		});
		if (!allowed) return fail(429, { message: 'rate_limited', values: parsed.data });
		await inviteToCohort(db, cfg, {
			cohortId: ctx.cohort.id,
			email: parsed.data.email,
			locale: locals.locale,
			invitedBy: null
		});
		// The same answer whether or not the address already has an account or a place.
		return { sent: parsed.data.email };
	}
};
