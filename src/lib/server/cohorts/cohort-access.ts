import { error, redirect } from '@sveltejs/kit';
import { isUuid } from '#lib/forms/fields.ts';
import * as m from '#lib/paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { currentOrganisation } from '../organisations/current-organisation.ts';
import { loadCohortContext } from './cohort-context.ts';
import { findEnrolment } from '../enrolment/enrolment.queries.ts';
import { isFacilitatorOf } from './cohorts.queries.ts';

/**
 * Who the signed-in person is in a cohort. Facilitators of the cohort and organisation
 * admins manage it; enrolled, waiting or requesting participants see their schedule;
 * anyone else gets a 404 (not 403), so cohort ids reveal nothing.
 */
export async function cohortAccess(db: Db, locals: App.Locals, id: string) {
	if (!locals.user) redirect(303, '/sign-in');
	if (!isUuid(id)) error(404, m.error_not_found());
	const org = await currentOrganisation(db);
	const ctx = await loadCohortContext(db, id);
	if (!ctx || ctx.cohort.organisationId !== org.id) error(404, m.error_not_found());
	// A place or a facilitator seat counts only while the person holds a role in the
	// organisation: removing the role ends the access it gave.
	const { admin, facilitator: facilitatorRole, participant } = locals.roles;
	if (!admin && !facilitatorRole && !participant) error(404, m.error_not_found());
	const facilitator = (facilitatorRole || admin) && (await isFacilitatorOf(db, id, locals.user.id));
	const enrolment = await findEnrolment(db, id, locals.user.id);
	const manages = facilitator || admin;
	const participates =
		!!enrolment && ['enrolled', 'waitlisted', 'pending'].includes(enrolment.status);
	if (!manages && !participates) error(404, m.error_not_found());
	return {
		ctx,
		user: locals.user,
		manages,
		facilitator,
		enrolment: participates ? enrolment : undefined
	};
}

export async function requireManager(db: Db, locals: App.Locals, id: string) {
	const a = await cohortAccess(db, locals, id);
	if (!a.manages) error(403, m.error_forbidden());
	return a;
}
