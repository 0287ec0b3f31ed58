import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { isLocale } from '#lib/paraglide/runtime.js';
import { appContext } from '#lib/server/context.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { findCertificateOfEnrolment } from '#lib/server/certificates/certificates.queries.ts';
import { renderCertificatePdf } from '#lib/server/certificates/render-certificate-pdf.ts';
import { verifyUrl } from '#lib/server/certificates/credential-format.ts';
import type { RequestHandler } from './$types';

/* The participant's own certificate as a PDF, in the language asked for (?lang=cs). */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const { db, cfg } = await appContext();
	const { user, enrolment } = await cohortAccess(db, locals, params.id);
	const lang = url.searchParams.get('lang') ?? locals.locale;
	if (!isLocale(lang)) error(400, m.error_locale());
	const c = enrolment ? await findCertificateOfEnrolment(db, enrolment.id) : undefined;
	if (!c || c.revokedAt) error(404, m.error_cert_not_found());
	const pdf = await renderCertificatePdf({
		name: c.nameOnCertificate,
		facts: c.facts,
		issuedAt: c.issuedAt,
		verifyUrl: verifyUrl(cfg.origin, c.code),
		locale: lang,
		timeZone: user.timeZone
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${lang}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
