import { error } from '@sveltejs/kit';
import { isUuid } from '#lib/forms/fields.ts';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { readOutboxEmail } from '#lib/server/notifications/read-outbox-email.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const admin = requireAdmin(locals);
	if (!isUuid(params.id)) error(404, m.error_not_found());
	const { db } = await appContext();
	const email = await readOutboxEmail(db, params.id, { id: admin.id, locale: locals.locale });
	if (!email) error(404, m.error_not_found());
	return { email, timeZone: admin.timeZone };
};
