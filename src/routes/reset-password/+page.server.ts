import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { APIError } from 'better-auth/api';
import { appContext } from '#lib/server/context.ts';
import { parseForm, password } from '#lib/forms/fields.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	token: (url.searchParams.get('token') ?? '').slice(0, 200)
});

const schema = z
	.object({ token: z.string().min(1).max(200), password, confirm: z.string().max(200) })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'reset_mismatch' });

export const actions: Actions = {
	default: async ({ request }) => {
		const parsed = parseForm(schema, await request.formData());
		if (!parsed.ok) {
			const errors = { ...parsed.errors };
			if (errors.confirm === 'error_required' && !errors.password) {
				errors.confirm = 'reset_mismatch';
			}
			if (errors.token) return fail(400, { message: 'reset_invalid' });
			return fail(400, { errors });
		}
		const { auth } = await appContext();
		try {
			await auth.api.resetPassword({
				body: { newPassword: parsed.data.password, token: parsed.data.token },
				headers: request.headers
			});
		} catch (e) {
			if (e instanceof APIError) return fail(400, { message: 'reset_invalid' });
			throw e;
		}
		return { done: true };
	}
};
