import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../../i18n/locale.ts';
import type { EmailMessage } from '../enqueue-email.ts';
import { message } from './layout.ts';

/*
 * Tells a person that an admin reset their second factors (ADR 029), in their language: who
 * did it, what stopped working, what to do next, and to speak up if they did not ask. It
 * carries no link that acts for them: the sign-in page is the same for everyone.
 */
export function secondFactorResetEmail(p: {
	to: { email: string; locale: string | null };
	admin: string;
	organisation: string;
	signInUrl: string;
}): EmailMessage {
	const locale = asLocale(p.to.locale);
	const o = { locale };
	return message(
		'second-factor-reset',
		p.to.email,
		locale,
		m.email_2fa_reset_subject({}, o),
		[
			m.email_2fa_reset_body({ admin: p.admin, organisation: p.organisation }, o),
			m.email_2fa_reset_next({}, o)
		],
		m.email_2fa_reset_action({}, o),
		p.signInUrl,
		m.email_2fa_reset_footer({}, o)
	);
}
