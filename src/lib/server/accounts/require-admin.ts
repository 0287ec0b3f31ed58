import { error, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';

/* Layout loads do not guard form actions, so every admin action calls this itself. */
export function requireAdmin(locals: App.Locals): NonNullable<App.Locals['user']> {
	if (!locals.user) redirect(303, '/sign-in');
	if (!locals.roles.admin) error(403, m.error_forbidden());
	return locals.user;
}
