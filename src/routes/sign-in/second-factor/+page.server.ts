import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { recoveryCode, totpCode } from '#lib/forms/second-factor-fields.ts';
import { clientKey } from '#lib/server/accounts/client-key.ts';
import { verifySecondFactor } from '#lib/server/second-factor/verify-second-factor.ts';
import { safePath } from '#lib/server/security/safe-path.ts';
import type { Actions, PageServerLoad } from './$types';

const nextOf = (v: FormDataEntryValue | string | null) =>
	safePath(typeof v === 'string' ? v : null);

export const load: PageServerLoad = ({ locals, url }) => {
	const next = nextOf(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { next: next === '/' ? null : next };
};

const REFUSALS = {
	'wrong-code': 'second_factor_wrong_code',
	expired: 'second_factor_expired',
	locked: 'second_factor_locked',
	'rate-limited': 'rate_limited'
} as const;

/* The two ways to finish a password sign-in: a code from the app, or a recovery code. */
function action(method: 'totp' | 'recovery') {
	const schema = z.object({ code: method === 'totp' ? totpCode : recoveryCode });
	return async (event: Parameters<Actions[string]>[0]) => {
		const form = await event.request.formData();
		const parsed = parseForm(schema, form);
		if (!parsed.ok) return fail(400, { form: method, errors: parsed.errors });
		const { auth, db, cfg } = await appContext();
		const r = await verifySecondFactor(auth, db, cfg, {
			method,
			code: parsed.data.code,
			headers: event.request.headers,
			clientKey: clientKey(event)
		});
		if (!r.ok) {
			const status = r.reason === 'rate-limited' || r.reason === 'locked' ? 429 : 400;
			return fail(status, {
				form: method,
				message: REFUSALS[r.reason],
				restart: r.reason === 'expired'
			});
		}
		redirect(303, nextOf(form.get('next')));
	};
}

export const actions: Actions = { totp: action('totp'), recovery: action('recovery') };
