import * as m from '#lib/paraglide/messages.js';
import { formatDate } from '#lib/i18n/format.ts';
import { asLocale } from '../../i18n/locale.ts';
import type { EmailMessage } from '../enqueue-email.ts';
import { message } from './layout.ts';

/*
 * Told once, ahead of time, that a workbook will be deleted by retention (ADR 028), in the
 * person's language and time zone. It points to the profile's "Download my data" and never
 * carries anything written in the workbook.
 */
export function retentionNotice(p: {
	to: { email: string; locale: string; timeZone: string };
	cohortId: string;
	cohort: string;
	months: number;
	endedAt: Date;
	deleteOn: Date;
	profileUrl: string;
}): EmailMessage {
	const locale = asLocale(p.to.locale);
	const o = { locale };
	const date = (d: Date) => formatDate(d, locale, p.to.timeZone);
	return {
		...message(
			'retention-notice',
			p.to.email,
			locale,
			m.email_retention_subject({ cohort: p.cohort, date: date(p.deleteOn) }, o),
			[
				m.email_retention_body(
					{
						cohort: p.cohort,
						months: p.months,
						ended: date(p.endedAt),
						date: date(p.deleteOn)
					},
					o
				),
				m.email_retention_download({}, o)
			],
			m.email_retention_action({}, o),
			p.profileUrl,
			m.email_retention_footer({}, o)
		),
		cohortId: p.cohortId
	};
}
