import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { safePath } from '#lib/server/security/safe-path.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/* `next`: where to continue signed out (an invitation meant for someone else, for one). */
	default: async ({ request }) => {
		const next = (await request.formData()).get('next');
		const { auth } = await appContext();
		await auth.api.signOut({ headers: request.headers }).catch(() => undefined);
		redirect(303, typeof next === 'string' && next ? safePath(next) : '/sign-in');
	}
};
