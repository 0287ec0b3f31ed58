import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { findCertificateByCode } from '#lib/server/certificates/certificates.queries.ts';
import { titleIn } from '#lib/server/certificates/certificate-facts.ts';
import { didWeb, verifyUrl } from '#lib/server/certificates/credential-format.ts';
import type { PageServerLoad } from './$types';

const CODE = /^[A-Za-z0-9_-]{43}$/;

/*
 * Reachable only with the certificate's code and never listed: no link leads here from a
 * public page, search engines are asked not to index it, and an unknown code is a plain 404.
 * It shows every fact the certificate prints, so an edited PDF is caught.
 */
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'x-robots-tag': 'noindex, nofollow', 'cache-control': 'private, no-store' });
	const { db, cfg } = await appContext();
	const c = CODE.test(params.code) ? await findCertificateByCode(db, params.code) : undefined;
	if (!c) error(404, m.verify_not_found());
	return {
		valid: !c.revokedAt,
		revokedAt: c.revokedAt,
		name: c.nameOnCertificate,
		course: titleIn(c.facts, locals.locale),
		organisation: c.facts.organisation,
		sessions: c.facts.sessions,
		minutesAttended: c.facts.minutesAttended,
		sessionsAttended: c.facts.sessionsAttended,
		facilitators: c.facts.facilitators,
		issuedAt: c.issuedAt,
		// The viewer's own zone when signed in; otherwise the group's, and the page says which.
		timeZone: locals.user?.timeZone ?? c.facts.timeZone,
		url: verifyUrl(cfg.origin, c.code),
		didUrl: `${cfg.origin}/.well-known/did.json`,
		did: didWeb(cfg.origin)
	};
};
