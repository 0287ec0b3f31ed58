import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { listCohorts, listCohortsOfPerson } from '#lib/server/cohorts/cohorts.queries.ts';
import type { PageServerLoad } from './$types';

const withStart = <T extends { firstStart: string | null }>(c: T) => ({
	...c,
	firstStart: c.firstStart ? new Date(c.firstStart) : null
});

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in');
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const mine = await listCohortsOfPerson(db, org.id, locals.user.id);
	const others = locals.roles.admin
		? (await listCohorts(db, org.id)).filter((c) => !mine.some((x) => x.id === c.id))
		: [];
	return {
		canCreate: locals.roles.facilitator || locals.roles.admin,
		timeZone: locals.user.timeZone,
		mine: mine.map(withStart),
		others: others.map(withStart)
	};
};
