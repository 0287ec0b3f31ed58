import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../i18n/locale.ts';
import {
	NOTICE_PURPOSES,
	PERSONAL_DATA_INVENTORY,
	type DataCategory,
	type NoticePurpose
} from './personal-data-inventory.ts';

type Opts = { locale: ReturnType<typeof asLocale> };

const CATEGORY: Record<DataCategory, (o: Opts) => string> = {
	account: (o) => m.privacy_category_account({}, o),
	contact: (o) => m.privacy_category_contact({}, o),
	'special-category': (o) => m.privacy_category_special({}, o),
	'group-contribution': (o) => m.privacy_category_group({}, o),
	'private-reflection': (o) => m.privacy_category_reflection({}, o),
	evaluation: (o) => m.privacy_category_evaluation({}, o),
	'operational-log': (o) => m.privacy_category_log({}, o)
};

const PURPOSE: Record<NoticePurpose, (o: Opts) => string> = {
	account: (o) => m.privacy_purpose_account({}, o),
	'sign-in': (o) => m.privacy_purpose_sign_in({}, o),
	'cohort-place': (o) => m.privacy_purpose_cohort_place({}, o),
	'special-category': (o) => m.privacy_purpose_special({}, o),
	attendance: (o) => m.privacy_purpose_attendance({}, o),
	certificate: (o) => m.privacy_purpose_certificate({}, o),
	'live-room': (o) => m.privacy_purpose_live_room({}, o),
	workbook: (o) => m.privacy_purpose_workbook({}, o),
	feedback: (o) => m.privacy_purpose_feedback({}, o),
	email: (o) => m.privacy_purpose_email({}, o),
	audit: (o) => m.privacy_purpose_audit({}, o),
	'staff-actions': (o) => m.privacy_purpose_staff({}, o)
};

const SEEN_BY: Record<NoticePurpose, (o: Opts) => string> = {
	account: (o) => m.privacy_seen_account({}, o),
	'sign-in': (o) => m.privacy_seen_nobody({}, o),
	'cohort-place': (o) => m.privacy_seen_cohort_place({}, o),
	'special-category': (o) => m.privacy_seen_special({}, o),
	attendance: (o) => m.privacy_seen_facilitators({}, o),
	certificate: (o) => m.privacy_seen_certificate({}, o),
	'live-room': (o) => m.privacy_seen_live_room({}, o),
	workbook: (o) => m.privacy_seen_workbook({}, o),
	feedback: (o) => m.privacy_seen_feedback({}, o),
	email: (o) => m.privacy_seen_email({}, o),
	audit: (o) => m.privacy_seen_audit({}, o),
	'staff-actions': (o) => m.privacy_seen_staff({}, o)
};

export type PrivacyNoticeRow = {
	purpose: NoticePurpose;
	/** What it is for, in the viewer's language. */
	purposeText: string;
	/** Who may see it, in the viewer's language. */
	seenBy: string;
	/** The kinds of data held for this purpose, each with its localised name. */
	categories: { category: DataCategory; label: string }[];
	/** The tables behind it (for a "details" link to docs/personal-data.md). */
	tables: string[];
};

/**
 * The privacy notice's table, one row per purpose, generated from the inventory so the notice
 * cannot drift from what is stored. Purpose, audience and category names are localised; the
 * per-column detail (erasure, retention) stays in English in docs/personal-data.md.
 */
export function privacyNoticeRows(locale: string): PrivacyNoticeRow[] {
	const o = { locale: asLocale(locale) };
	return NOTICE_PURPOSES.map((purpose) => {
		const entries = PERSONAL_DATA_INVENTORY.filter((e) => e.notice === purpose);
		const cats = [...new Set(entries.map((e) => e.category))];
		return {
			purpose,
			purposeText: PURPOSE[purpose](o),
			seenBy: SEEN_BY[purpose](o),
			categories: cats.map((category) => ({ category, label: CATEGORY[category](o) })),
			tables: [...new Set(entries.map((e) => e.table))]
		};
	});
}

/** A category's name in the viewer's language. */
export function categoryLabel(category: DataCategory, locale: string) {
	return CATEGORY[category]({ locale: asLocale(locale) });
}
