import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request }) => {
		const { auth } = await appContext();
		await auth.api.signOut({ headers: request.headers }).catch(() => undefined);
		redirect(303, '/sign-in');
	}
};
