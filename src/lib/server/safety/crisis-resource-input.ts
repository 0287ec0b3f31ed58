import { z } from 'zod';
import { optionalText, requiredText } from '#lib/forms/fields.ts';
import { locales } from '../i18n/locale.ts';

/*
 * What an admin may enter for a crisis resource. Phone numbers keep the spelling people
 * dial (spaces, dashes, a leading +) but nothing else, so a typo like a letter is caught.
 * Chat links must be https: this page is read by people in distress, never send them to a
 * page an attacker on the network could alter.
 */
const isoDate = z
	.string({ error: 'error_required' })
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'error_date')
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'error_date');

const httpsUrl = z
	.string()
	.trim()
	.max(300, 'error_too_long:300')
	.transform((v) => (v === '' ? null : v))
	.nullable()
	.default(null)
	.refine((v) => v === null || /^https:\/\/[^\s<>"]+$/.test(v), 'error_https_url');

export const crisisResourceInput = z
	.object({
		country: z
			.string({ error: 'error_country' })
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{2}$/, 'error_country')
			.refine(isKnownCountry, 'error_country'),
		locale: z.enum(locales as unknown as [string, ...string[]], { error: 'error_locale' }),
		name: requiredText(120),
		phone: optionalText(40).refine(
			(v) => v === null || /^\+?[0-9][0-9 ()-]{1,38}$/.test(v),
			'error_phone'
		),
		chatUrl: httpsUrl,
		hours: optionalText(80).transform((v) => v ?? ''),
		notes: optionalText(500).transform((v) => v ?? ''),
		sourceUrl: httpsUrl,
		lastVerifiedAt: isoDate,
		verifiedBy: requiredText(120)
	})
	.superRefine((v, ctx) => {
		if (!v.phone && !v.chatUrl) {
			ctx.addIssue({ code: 'custom', path: ['phone'], message: 'error_phone_or_chat' });
		}
		if (v.lastVerifiedAt > new Date().toISOString().slice(0, 10)) {
			ctx.addIssue({ code: 'custom', path: ['lastVerifiedAt'], message: 'error_date_future' });
		}
	});

export type CrisisResourceInput = z.infer<typeof crisisResourceInput>;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2 codes Intl knows; refuses made-up pairs like "QQ". */
function isKnownCountry(code: string) {
	try {
		return regionNames.of(code) !== undefined;
	} catch {
		return false;
	}
}
