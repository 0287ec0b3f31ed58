import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { email, parseForm } from '#lib/forms/fields.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { clientKey } from '#lib/server/accounts/client-key.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(z.object({ email }), await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { auth, db, cfg } = await appContext();
		if (
			!(await hit(db, `reset:${clientKey(event)}`, {
				max: 5 * cfg.RATE_LIMIT_SCALE,
				windowS: 300
			})) ||
			!(await hit(db, `reset:${parsed.data.email}`, {
				max: 3 * cfg.RATE_LIMIT_SCALE,
				windowS: 300
			}))
		) {
			return fail(429, { message: 'rate_limited', values: { email: parsed.data.email } });
		}
		// The answer is the same whether or not the account exists.
		await auth.api
			.requestPasswordReset({ body: { email: parsed.data.email }, headers: event.request.headers })
			.catch(() => undefined);
		return { sent: parsed.data.email };
	}
};
