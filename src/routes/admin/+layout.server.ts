import { error, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in');
	if (!locals.roles.admin) error(403, m.error_forbidden());
	return {};
};
