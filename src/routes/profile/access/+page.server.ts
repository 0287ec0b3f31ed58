import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { listAccessToPerson } from '#lib/server/audit/audit-events.queries.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in');
	const { db } = await appContext();
	const events = await listAccessToPerson(db, locals.user.id);
	return {
		// The reason an admin typed is for admins; the person sees who, what and when.
		events: events.map(({ reason: _reason, subjectName: _s, ...e }) => e),
		timeZone: locals.user.timeZone
	};
};
