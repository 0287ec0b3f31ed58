import { redirect } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { exportPersonalData } from '#lib/server/privacy/export-personal-data.ts';
import type { RequestHandler } from './$types';

/*
 * "Download my data": a plain form post from the profile answers with the ZIP itself, so it
 * works without JavaScript and needs nobody's approval. Five an hour per person, because
 * each export renders every workbook PDF; the sixth is sent back to the profile, which says so.
 */
export const POST: RequestHandler = async ({ locals }) => {
	if (!locals.user) redirect(303, '/sign-in');
	const { db, cfg } = await appContext();
	// Not scaled by RATE_LIMIT_SCALE: the limit is per person, so test suites never share it.
	if (!(await hit(db, `export:${locals.user.id}`, { max: 5, windowS: 3600 }))) {
		// Back to the profile, which says why in the person's language with the page around it
		// (an error thrown here would get SvelteKit's bare fallback page, in English markup).
		redirect(303, '/profile?export=limited#export-heading');
	}
	const r = locals.roles;
	const out = await exportPersonalData(db, cfg, {
		userId: locals.user.id,
		// In the person's preferred language, as their emails are.
		locale: locals.user.locale,
		actorRole: r.admin ? 'admin' : r.facilitator ? 'facilitator' : 'participant'
	});
	return new Response(out.zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${out.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
