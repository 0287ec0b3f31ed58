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
	admin_last_admin: () => m.admin_last_admin(),
	error_not_found: () => m.error_not_found(),
	error_date: () => m.error_date(),
	error_date_future: () => m.error_date_future(),
	error_https_url: () => m.error_https_url(),
	error_country: () => m.error_country(),
	error_phone: () => m.error_phone(),
	error_phone_or_chat: () => m.error_phone_or_chat()
};

/** Renders an error key from a form schema ("key" or "key:number") in the current language. */
export function errorText(key: string | undefined | null): string {
	if (!key) return '';
	const [name, arg] = key.split(':');
	if (name === 'error_too_long') return m.error_too_long({ max: arg ?? '' });
	if (name === 'error_password_short') return m.error_password_short({ min: arg ?? '' });
	return (simple[name] ?? simple.error_required)();
}
