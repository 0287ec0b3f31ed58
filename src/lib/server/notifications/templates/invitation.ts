import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../../i18n/locale.ts';
import { message } from './layout.ts';

export function invitationEmail(p: {
	to: string;
	url: string;
	locale: string;
	organisation: string;
	role: string;
	/** The admin who invited: they may still read the link in the outbox, to pass it on by hand. */
	invitedBy: string | null;
}) {
	const locale = asLocale(p.locale);
	const o = { locale };
	return {
		...message(
			'invitation',
			p.to,
			locale,
			m.email_invite_subject({ organisation: p.organisation }, o),
			[m.email_invite_body({ organisation: p.organisation, role: p.role }, o)],
			m.email_invite_action({}, o),
			p.url,
			m.email_invite_footer({}, o)
		),
		secret: { url: p.url, viewer: p.invitedBy }
	};
}
