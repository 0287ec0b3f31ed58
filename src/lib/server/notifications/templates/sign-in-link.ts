import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../../i18n/locale.ts';
import { message } from './layout.ts';

export function magicLinkEmail(p: { to: string; url: string; locale?: string | null }) {
	const locale = asLocale(p.locale);
	const o = { locale };
	return {
		...message(
			'magic-link',
			p.to,
			locale,
			m.email_magic_subject({}, o),
			[m.email_magic_body({}, o)],
			m.email_magic_action({}, o),
			p.url,
			m.email_ignore_footer({}, o)
		),
		secret: { url: p.url }
	};
}
