import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { eraseAccount } from '#lib/server/privacy/erase-account.ts';
import { countValidCertificatesOfPerson } from '#lib/server/privacy/erasure.queries.ts';
import { erasureForm, erasureRefusal } from '#lib/server/privacy/erasure-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// After the erasure there is nobody signed in: the page only says it is done.
	if (!locals.user) {
		if (url.searchParams.has('done')) return { done: true as const, certificates: 0 };
		redirect(303, '/sign-in');
	}
	const { db } = await appContext();
	return {
		done: false as const,
		certificates: await countValidCertificatesOfPerson(db, locals.user.id)
	};
};

/** The session cookies are worthless once the sessions are deleted; clear them too. */
function clearSessionCookies(cookies: Cookies) {
	for (const c of cookies.getAll()) {
		if (/session_(token|data)/.test(c.name)) cookies.delete(c.name, { path: '/' });
	}
}

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const { db, cfg, auth } = await appContext();
		const parsed = parseForm(erasureForm({ admin: false }), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const values = {
			certificates: parsed.data.certificates ?? '',
			reason: parsed.data.reason ?? ''
		};
		// A password guessed here would erase someone: as strict as sign-in.
		if (
			!(await hit(db, `erase:${locals.user.id}`, { max: 5 * cfg.RATE_LIMIT_SCALE, windowS: 900 }))
		) {
			return fail(429, { message: 'rate_limited', values });
		}
		const r = await eraseAccount(db, cfg, auth, {
			personId: locals.user.id,
			actorId: locals.user.id,
			password: parsed.data.password,
			keepCertificates:
				parsed.data.certificates === undefined ? undefined : parsed.data.certificates === 'keep'
		});
		if (!r.ok) {
			const x = erasureRefusal(r.reason);
			return fail(x.status, {
				errors: x.field ? { [x.field]: x.message } : undefined,
				message: x.field ? undefined : x.message,
				values
			});
		}
		clearSessionCookies(cookies);
		redirect(303, '/profile/erase?done=1');
	}
};
