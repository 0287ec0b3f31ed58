import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { loadCourse } from '#lib/server/courses/course-view.ts';
import { listCoFacilitatorCandidates } from '#lib/server/cohorts/list-co-facilitator-candidates.ts';
import { COURSE_SLUGS } from '#lib/server/bootstrap/bootstrap.ts';
import { cohortInput, fillWeeklyRhythm } from '#lib/server/cohorts/cohort-input.ts';
import { createCohort } from '#lib/server/cohorts/create-cohort.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { timeZoneChoices } from '#lib/time/zone-choices.ts';
import type { Actions, PageServerLoad } from './$types';

function requireFacilitator(locals: App.Locals) {
	if (!locals.user) redirect(303, '/sign-in');
	if (!locals.roles.facilitator && !locals.roles.admin) error(403, m.error_forbidden());
	return locals.user;
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireFacilitator(locals);
	const { db } = await appContext();
	const course = await loadCourse(db, COURSE_SLUGS[0], locals.locale);
	if (!course) error(404, m.error_not_found());
	return {
		coFacilitators: await listCoFacilitatorCandidates(db, user.id),
		minutes: course.pkg.sessions.map((s) => s.structure.minutes),
		timeZones: timeZoneChoices(user.timeZone),
		defaults: {
			locale: locals.locale,
			timeZone: user.timeZone,
			capacity: '18',
			minPresent: '3',
			peerTrainer: locals.roles.peerTrainer ? 'on' : ''
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireFacilitator(locals);
		const { db, cfg } = await appContext();
		const version = await loadCourse(db, COURSE_SLUGS[0], locals.locale);
		if (!version) error(404, m.error_not_found());
		const pkg = version.pkg;
		const form = fillWeeklyRhythm(await request.formData());
		const parsed = parseForm(
			cohortInput({ now: new Date(), minutes: pkg.sessions.map((s) => s.structure.minutes) }),
			form
		);
		const candidates = await listCoFacilitatorCandidates(db, user.id);
		const chosen = candidates.filter((c) => form.getAll('coFacilitators').includes(c.userId));
		if (!parsed.ok || chosen.length === 0) {
			const errors = parsed.ok ? {} : parsed.errors;
			if (chosen.length === 0) errors.coFacilitators = 'error_co_facilitator';
			const values = parsed.ok
				? Object.fromEntries([...form].map(([k, v]) => [k, String(v)]))
				: parsed.values;
			return fail(400, { errors, values, chosen: chosen.map((c) => c.userId) });
		}
		if (
			!(await hit(db, `cohort-create:${user.id}`, {
				max: 20 * cfg.RATE_LIMIT_SCALE,
				windowS: 3600
			}))
		) {
			return fail(429, { errors: { form: 'rate_limited' }, values: {}, chosen: [] });
		}
		const org = await currentOrganisation(db);
		const { cohort } = await createCohort(db, {
			organisationId: org.id,
			courseVersionId: version.id,
			createdBy: user.id,
			creatorIsPeerTrainer: parsed.data.peerTrainer,
			coFacilitators: chosen,
			...parsed.data
		});
		redirect(303, `/cohorts/${cohort.id}/manage?created=1`);
	}
};
