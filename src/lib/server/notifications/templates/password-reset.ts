import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../../i18n/locale.ts';
import { message } from './layout.ts';

export function passwordResetEmail(p: { to: string; url: string; locale?: string | null }) {
	const locale = asLocale(p.locale);
	const o = { locale };
	return {
		...message(
			'password-reset',
			p.to,
			locale,
			m.email_reset_subject({}, o),
			[m.email_reset_body({}, o)],
			m.email_reset_action({}, o),
			p.url,
			m.email_ignore_footer({}, o)
		),
		secret: { url: p.url }
	};
}
