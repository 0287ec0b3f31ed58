import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';

export type PrivacyNoticeRow = {
	data: string;
	purpose: string;
	whoSees: string;
	kept: string;
};

/*
 * The privacy notice's table, one row per kind of data. For now a small local list; the
 * in-code personal-data inventory (issue #16 item 1, branch privacy-inventory) will export
 * its own rows, and at merge this one function is pointed at it: the page and the invitation
 * call nothing else.
 */
const ROWS = ['account', 'profile', 'special', 'course', 'workbook', 'evaluation', 'log'] as const;

const TEXT: Record<
	(typeof ROWS)[number],
	[
		(i: object, o: { locale: Locale }) => string,
		(i: object, o: { locale: Locale }) => string,
		(i: object, o: { locale: Locale }) => string,
		(i: object, o: { locale: Locale }) => string
	]
> = {
	account: [
		m.privacy_row_account_data,
		m.privacy_row_account_purpose,
		m.privacy_row_account_who,
		m.privacy_row_account_kept
	],
	profile: [
		m.privacy_row_profile_data,
		m.privacy_row_profile_purpose,
		m.privacy_row_profile_who,
		m.privacy_row_profile_kept
	],
	special: [
		m.privacy_row_special_data,
		m.privacy_row_special_purpose,
		m.privacy_row_special_who,
		m.privacy_row_special_kept
	],
	course: [
		m.privacy_row_course_data,
		m.privacy_row_course_purpose,
		m.privacy_row_course_who,
		m.privacy_row_course_kept
	],
	workbook: [
		m.privacy_row_workbook_data,
		m.privacy_row_workbook_purpose,
		m.privacy_row_workbook_who,
		m.privacy_row_workbook_kept
	],
	evaluation: [
		m.privacy_row_evaluation_data,
		m.privacy_row_evaluation_purpose,
		m.privacy_row_evaluation_who,
		m.privacy_row_evaluation_kept
	],
	log: [
		m.privacy_row_log_data,
		m.privacy_row_log_purpose,
		m.privacy_row_log_who,
		m.privacy_row_log_kept
	]
};

/** The rows of the privacy notice's table in `locale`. */
export function privacyNoticeRows(locale: Locale): PrivacyNoticeRow[] {
	const o = { locale };
	return ROWS.map((r) => {
		const [data, purpose, whoSees, kept] = TEXT[r];
		return {
			data: data({}, o),
			purpose: purpose({}, o),
			whoSees: whoSees({}, o),
			kept: kept({}, o)
		};
	});
}
