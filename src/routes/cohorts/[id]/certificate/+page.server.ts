import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { parseForm, requiredText } from '#lib/forms/fields.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { findCertificateOfEnrolment } from '#lib/server/certificates/certificates.queries.ts';
import { renameCertificate } from '#lib/server/certificates/rename-certificate.ts';
import { verifyUrl } from '#lib/server/certificates/credential-format.ts';
import type { Actions, PageServerLoad } from './$types';

/* A participant's own certificate: the name on it, the downloads, the verification address. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db, cfg } = await appContext();
	const { ctx, user, enrolment } = await cohortAccess(db, locals, params.id);
	if (!enrolment || enrolment.status !== 'enrolled') error(404, m.error_not_found());
	const c = await findCertificateOfEnrolment(db, enrolment.id);
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		minPresent: ctx.cohort.completionRule.minPresent,
		timeZone: user.timeZone,
		certificate: c
			? {
					name: c.nameOnCertificate,
					issuedAt: c.issuedAt,
					revokedAt: c.revokedAt,
					url: verifyUrl(cfg.origin, c.code)
				}
			: null
	};
};

export const actions: Actions = {
	name: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { enrolment } = await cohortAccess(db, locals, params.id);
		if (!enrolment) return fail(403, { message: 'error_forbidden' });
		const parsed = parseForm(z.object({ name: requiredText(120) }), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const r = await renameCertificate(db, { enrolmentId: enrolment.id, name: parsed.data.name });
		if (!r.ok) return fail(404, { message: 'error_cert_not_found' });
		return { saved: true };
	}
};
