import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { findCertificateOfEnrolment } from '#lib/server/certificates/certificates.queries.ts';
import { openBadgeCredential } from '#lib/server/certificates/credential-format.ts';
import { signCredential } from '#lib/server/certificates/sign-credential.ts';
import type { RequestHandler } from './$types';

/* The participant's certificate as an Open Badges 3.0 credential, a signed VC-JWT. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { db, cfg } = await appContext();
	const { enrolment } = await cohortAccess(db, locals, params.id);
	const c = enrolment ? await findCertificateOfEnrolment(db, enrolment.id) : undefined;
	if (!c || c.revokedAt) error(404, m.error_cert_not_found());
	const jwt = await signCredential(db, {
		organisationId: c.organisationId,
		origin: cfg.origin,
		credential: openBadgeCredential({
			origin: cfg.origin,
			code: c.code,
			statusIndex: c.statusIndex,
			name: c.nameOnCertificate,
			facts: c.facts,
			issuedAt: c.issuedAt,
			locale: locals.locale
		})
	});
	return new Response(jwt, {
		headers: {
			'content-type': 'application/vc+jwt',
			'content-disposition': 'attachment; filename="open-badge.jwt"',
			'cache-control': 'private, no-store'
		}
	});
};
