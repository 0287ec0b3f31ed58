import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { sessionList } from '#lib/server/accounts/session-list.ts';
import { revokeSession } from '#lib/server/accounts/revoke-session.ts';
import { signOutEverywhere } from '#lib/server/accounts/sign-out-everywhere.ts';
import type { Actions, PageServerLoad } from './$types';

/* One's active sessions, each revocable, and "sign out everywhere" (also shown on /profile). */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in');
	const { db } = await appContext();
	return {
		sessions: await sessionList(db, locals.user.id, locals.sessionId),
		revoked: url.searchParams.has('revoked'),
		locale: locals.locale,
		timeZone: locals.user.timeZone
	};
};

const sessionForm = z.object({
	id: z.string({ error: 'error_session_unknown' }).min(1).max(100)
});

/* This browser's session is gone from the database; its cookie goes too. */
async function clearSessionCookie(cookies: Cookies) {
	const { auth } = await appContext();
	const c = (await auth.$context).authCookies.sessionToken;
	cookies.delete(c.name, { path: '/', secure: Boolean(c.attributes.secure) });
}

export const actions: Actions = {
	revoke: async ({ request, locals, cookies }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(sessionForm, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'error_session_unknown' });
		const { db } = await appContext();
		const r = await revokeSession(db, { userId: locals.user.id, sessionId: parsed.data.id });
		if (!r.ok) return fail(404, { message: 'error_session_unknown' });
		if (parsed.data.id === locals.sessionId) {
			await clearSessionCookie(cookies);
			redirect(303, '/sign-in');
		}
		redirect(303, '/profile/sessions?revoked=1');
	},
	everywhere: async ({ locals, cookies }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const { db } = await appContext();
		await signOutEverywhere(db, locals.user.id);
		await clearSessionCookie(cookies);
		redirect(303, '/sign-in');
	}
};
