import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { optionalText, parseForm } from '#lib/forms/fields.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { updateCohortProfile } from '#lib/server/enrolment/update-cohort-profile.ts';
import { withdrawSpecialCategoryConsent } from '#lib/server/enrolment/withdraw-special-category-consent.ts';
import { visibleBackground } from '#lib/server/enrolment/participant-background.ts';
import { listFacilitators } from '#lib/server/cohorts/cohorts.queries.ts';
import { isClosed, sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { leaveCohort } from '#lib/server/enrolment/leave-cohort.ts';
import { joinOpensAt, joinWindow } from '#lib/server/video/join-session.ts';
import { waitlistPosition } from '#lib/server/enrolment/place-rule.ts';
import {
	hasCalendarFeed,
	renewCalendarFeed,
	revokeCalendarFeed
} from '#lib/server/calendar/calendar-feed.ts';
import { listAnsweredPulses } from '#lib/server/pulse/pulse.queries.ts';
import { pulseOffered } from '#lib/server/pulse/pulse-window.ts';
import { listRespondedPhases } from '#lib/server/evaluation/evaluation.queries.ts';
import { evaluationOpen, PHASES } from '#lib/server/evaluation/evaluation-window.ts';
import { findOutcomeSettings } from '#lib/server/outcomes/outcome-settings.queries.ts';
import { betweenSessions } from '#lib/server/workbook/between-sessions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user, manages, enrolment } = await cohortAccess(db, locals, params.id);
	const now = new Date();
	const people = await listEnrolmentsWithPeople(db, ctx.cohort.id);
	const facilitators = await listFacilitators(db, ctx.cohort.id);
	// The feedback pulse is offered for three days after each session, until answered.
	const answered =
		enrolment?.status === 'enrolled'
			? await listAnsweredPulses(
					db,
					user.id,
					ctx.sessions.map((s) => s.id)
				)
			: null;
	// The questionnaires before and after the course, offered while open and not yet answered.
	const responded = answered ? await listRespondedPhases(db, ctx.cohort.id, user.id) : null;
	const { postDays } = await findOutcomeSettings(db, ctx.cohort.organisationId);
	const live = ctx.sessions.filter((s) => !s.cancelledAt);
	const evaluation = PHASES.filter(
		(p) =>
			!!ctx.pkg.evaluation &&
			!!responded &&
			!responded.has(p) &&
			!ctx.cohort.cancelledAt &&
			evaluationOpen(p, live, postDays, now)
	);
	return {
		evaluation,
		cohort: {
			id: ctx.cohort.id,
			name: ctx.cohort.name,
			courseSlug: ctx.courseSlug,
			cancelled: !!ctx.cohort.cancelledAt,
			closed: isClosed(ctx, now)
		},
		manages,
		timeZone: user.timeZone,
		status: enrolment?.status ?? null,
		position:
			enrolment?.status === 'waitlisted'
				? await waitlistPosition(db, ctx.cohort.id, enrolment.seq)
				: 0,
		profile: enrolment
			? {
					displayName: enrolment.displayName,
					pronouns: enrolment.pronouns,
					background: enrolment.background,
					backgroundVisibility: enrolment.backgroundVisibility,
					accessNeeds: enrolment.accessNeeds,
					consentAt: enrolment.specialCategoryConsentAt
				}
			: null,
		sessions: ctx.sessions.map((s) => ({
			id: s.id,
			number: s.number,
			title: sessionTitle(ctx, s.number, locals.locale),
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			opensAt: joinOpensAt(s),
			cancelled: !!s.cancelledAt,
			over: joinWindow(s, now) === 'over',
			pulse: !!answered && !answered.has(s.id) && pulseOffered(s, now),
			joinable:
				!ctx.cohort.cancelledAt &&
				(enrolment?.status === 'enrolled' || manages) &&
				joinWindow(s, now) === 'open'
		})),
		facilitators: facilitators.map((f) => ({ name: f.name, peerTrainer: f.peerTrainer })),
		// Only what each person chose to show to the whole group: even a facilitator reading
		// this page sees it as a member would.
		members:
			enrolment?.status === 'enrolled' || manages
				? people
						.filter((p) => p.status === 'enrolled')
						.map((p) => ({
							id: p.id,
							name: p.displayName || p.name,
							pronouns: p.pronouns,
							background: visibleBackground(p, 'participant')
						}))
				: [],
		hasFeed: await hasCalendarFeed(db, user.id),
		// The last task and whether the person wrote anything: shown to them only.
		between:
			enrolment?.status === 'enrolled'
				? await betweenSessions(db, ctx, user.id, locals.locale, now)
				: null
	};
};

const profile = z.object({
	displayName: optionalText(80),
	pronouns: optionalText(40),
	background: z
		.enum(['', 'professional', 'volunteer', 'lived_experience', 'family', 'prefer_not_to_say'], {
			error: 'error_choice'
		})
		.transform((v) => (v === '' ? null : v)),
	backgroundVisibility: z.enum(['nobody', 'facilitators', 'cohort'], { error: 'error_choice' }),
	accessNeeds: optionalText(500),
	// The explicit consent to keeping background and access needs (a checkbox: "on" or absent).
	consent: z
		.enum(['on'], { error: 'error_choice' })
		.optional()
		.transform((v) => v === 'on')
});

export const actions: Actions = {
	profile: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { enrolment } = await cohortAccess(db, locals, params.id);
		if (!enrolment) return fail(403, { form: 'profile', message: 'error_forbidden' });
		const formData = await request.formData();
		const parsed = parseForm(profile, formData);
		if (!parsed.ok) {
			return fail(400, { form: 'profile', errors: parsed.errors, values: parsed.values });
		}
		const r = await updateCohortProfile(db, enrolment.id, parsed.data);
		if (!r.ok && r.reason === 'consent-required') {
			// What was typed stays in the form, so ticking the box is all it takes to keep it.
			const values: Record<string, string> = {};
			for (const [k, v] of formData.entries()) if (typeof v === 'string') values[k] = v;
			return fail(400, {
				form: 'profile',
				errors: { consent: 'error_consent_required' },
				values
			});
		}
		if (!r.ok) return fail(404, { form: 'profile', message: 'error_not_found' });
		return { form: 'profile', saved: true };
	},
	withdrawConsent: async ({ params, locals }) => {
		const { db } = await appContext();
		const { enrolment } = await cohortAccess(db, locals, params.id);
		if (!enrolment) return fail(403, { form: 'consent', message: 'error_forbidden' });
		await withdrawSpecialCategoryConsent(db, enrolment.id);
		return { form: 'consent', withdrawn: true };
	},
	leave: async ({ params, locals }) => {
		const { db, cfg } = await appContext();
		const { ctx, user, enrolment } = await cohortAccess(db, locals, params.id);
		if (!enrolment) return fail(403, { form: 'leave', message: 'error_forbidden' });
		await leaveCohort(db, cfg, { cohortId: ctx.cohort.id, userId: user.id });
		redirect(303, '/cohorts?left=1');
	},
	feed: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const { user } = await cohortAccess(db, locals, params.id);
		if ((await request.formData()).get('off') === '1') {
			await revokeCalendarFeed(db, user.id);
			return { form: 'feed', feedOff: true };
		}
		return { form: 'feed', feedUrl: await renewCalendarFeed(db, cfg, user.id) };
	}
};
