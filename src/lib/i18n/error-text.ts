import * as m from '#lib/paraglide/messages.js';

const simple: Record<string, () => string> = {
	error_required: () => m.error_required(),
	error_email: () => m.error_email(),
	error_markup: () => m.error_markup(),
	error_time_zone: () => m.error_time_zone(),
	error_locale: () => m.error_locale(),
	error_role: () => m.error_role(),
	error_summary: () => m.error_summary(),
	reset_mismatch: () => m.reset_mismatch(),
	sign_in_failed: () => m.sign_in_failed(),
	rate_limited: () => m.rate_limited(),
	reset_invalid: () => m.reset_invalid(),
	invite_invalid: () => m.invite_invalid(),
	invite_wrong_account: () => m.invite_wrong_account(),
	admin_last_admin: () => m.admin_last_admin(),
	error_not_found: () => m.error_not_found(),
	live_activity_closed: () => m.live_activity_closed(),
	live_no_activity: () => m.live_no_activity(),
	live_preview_no_changes: () => m.live_preview_no_changes(),
	live_room_not_open: () => m.live_room_not_open(),
	error_forbidden: () => m.error_forbidden(),
	error_cert_already_issued: () => m.error_cert_already_issued(),
	error_cert_not_enrolled: () => m.error_cert_not_enrolled(),
	error_cert_already_revoked: () => m.error_cert_already_revoked(),
	error_cert_not_found: () => m.error_cert_not_found(),
	pulse_closed: () => m.pulse_closed(),
	pulse_already: () => m.pulse_already(),
	evaluation_closed: () => m.evaluation_closed(),
	error_min_group: () => m.error_min_group(),
	error_post_days: () => m.error_post_days(),
	error_pack: () => m.error_pack(),
	error_pack_permission: () => m.error_pack_permission(),
	error_report_filter: () => m.error_report_filter(),
	evaluation_already: () => m.evaluation_already(),
	error_date: () => m.error_date(),
	error_date_future: () => m.error_date_future(),
	error_https_url: () => m.error_https_url(),
	error_country: () => m.error_country(),
	error_phone: () => m.error_phone(),
	error_phone_or_chat: () => m.error_phone_or_chat(),
	error_join_link: () => m.error_join_link(),
	error_cohort_closed: () => m.error_cohort_closed(),
	error_join_refused: () => m.error_join_refused(),
	error_already_in_cohort: () => m.error_already_in_cohort(),
	error_co_facilitator: () => m.error_co_facilitator(),
	error_capacity: () => m.error_capacity(),
	error_min_present: () => m.error_min_present(),
	error_session_time: () => m.error_session_time(),
	error_date_past: () => m.error_date_past(),
	error_session_order: () => m.error_session_order(),
	error_video_kind: () => m.error_video_kind(),
	error_video_url: () => m.error_video_url(),
	error_room: () => m.error_room(),
	error_bbb_secret: () => m.error_bbb_secret(),
	error_attendance: () => m.error_attendance(),
	error_confirm_name: () => m.error_confirm_name(),
	error_choice: () => m.error_choice(),
	error_consent_required: () => m.error_consent_required(),
	error_privacy_notice: () => m.error_privacy_notice(),
	live_breakout_unknown_person: () => m.live_breakout_unknown_person(),
	live_breakout_duplicate_person: () => m.live_breakout_duplicate_person(),
	live_breakout_missing_person: () => m.live_breakout_missing_person(),
	live_breakout_alone: () => m.live_breakout_alone()
};

/** Renders an error key from a form schema ("key" or "key:number") in the current language. */
export function errorText(key: string | undefined | null): string {
	if (!key) return '';
	const [name, arg] = key.split(':');
	if (name === 'error_too_long') return m.error_too_long({ max: arg ?? '' });
	if (name === 'error_too_many') return m.error_too_many({ max: arg ?? '' });
	if (name === 'error_password_short') return m.error_password_short({ min: arg ?? '' });
	return (simple[name] ?? simple.error_required)();
}
