import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { email, parseForm } from '#lib/forms/fields.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { clientKey } from '#lib/server/accounts/client-key.ts';
import { signInWithPassword } from '#lib/server/accounts/sign-in-with-password.ts';
import { setLocaleCookie } from '#lib/server/accounts/set-locale-cookie.ts';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '#lib/server/bootstrap/seed-demo.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { safePath } from '#lib/server/security/safe-path.ts';
import type { Actions, PageServerLoad } from './$types';

/*
 * `next` is where to continue after signing in (an invitation link, for one); safePath keeps
 * it on this site.
 */
const nextOf = (v: FormDataEntryValue | string | null) =>
	safePath(typeof v === 'string' ? v : null);

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = nextOf(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const { cfg, db } = await appContext();
	const org = await currentOrganisation(db);
	const demo = cfg.NODE_ENV !== 'production' && org.slug === 'demo';
	return {
		demo: demo ? { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD } : null,
		// A sign-in link cannot sign in someone whose account has an authenticator app.
		linkFailed: url.searchParams.has('error')
			? url.searchParams.get('error') === 'failed_to_create_session'
				? 'second-factor'
				: 'link'
			: null,
		next: next === '/' ? null : next
	};
};

const passwordSchema = z.object({
	email,
	password: z.string().min(1, 'error_required').max(200, 'error_too_long:200')
});
const linkSchema = z.object({ email });

export const actions: Actions = {
	password: async (event) => {
		const form = await event.request.formData();
		const parsed = parseForm(passwordSchema, form);
		if (!parsed.ok) {
			return fail(400, { form: 'password', errors: parsed.errors, values: parsed.values });
		}
		const { auth, db, cfg } = await appContext();
		const values = { email: parsed.data.email };
		if (
			!(await hit(db, `sign-in:${clientKey(event)}`, {
				max: 10 * cfg.RATE_LIMIT_SCALE,
				windowS: 60
			})) ||
			!(await hit(db, `sign-in:${parsed.data.email}`, {
				max: 5 * cfg.RATE_LIMIT_SCALE,
				windowS: 60
			}))
		) {
			return fail(429, { form: 'password', message: 'rate_limited', values });
		}
		const r = await signInWithPassword(auth, db, cfg, {
			...parsed.data,
			headers: event.request.headers
		});
		if (!r.ok) return fail(400, { form: 'password', message: 'sign_in_failed', values });
		if (r.ok === 'passkey') {
			return fail(400, { form: 'password', message: 'sign_in_use_passkey', values });
		}
		if (r.locale) setLocaleCookie(event.cookies, r.locale, cfg.origin.startsWith('https:'));
		const next = nextOf(form.get('next'));
		if (r.ok === 'second-factor') {
			redirect(
				303,
				next === '/'
					? '/sign-in/second-factor'
					: `/sign-in/second-factor?next=${encodeURIComponent(next)}`
			);
		}
		redirect(303, next);
	},
	link: async (event) => {
		const form = await event.request.formData();
		const parsed = parseForm(linkSchema, form);
		if (!parsed.ok) {
			return fail(400, { form: 'link', errors: parsed.errors, values: parsed.values });
		}
		const { auth, db, cfg } = await appContext();
		if (
			!(await hit(db, `link:${clientKey(event)}`, {
				max: 10 * cfg.RATE_LIMIT_SCALE,
				windowS: 60
			})) ||
			!(await hit(db, `link:${parsed.data.email}`, { max: 3 * cfg.RATE_LIMIT_SCALE, windowS: 60 }))
		) {
			return fail(429, {
				form: 'link',
				message: 'rate_limited',
				values: { email: parsed.data.email }
			});
		}
		const next = nextOf(form.get('next'));
		await auth.api.signInMagicLink({
			body: {
				email: parsed.data.email,
				callbackURL: next === '/' ? '/signed-in' : `/signed-in?next=${encodeURIComponent(next)}`,
				errorCallbackURL: '/sign-in?error=link'
			},
			headers: event.request.headers
		});
		redirect(303, `/sign-in/check-email?email=${encodeURIComponent(parsed.data.email)}`);
	}
};
