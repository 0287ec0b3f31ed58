import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireOwnWorkbook } from '#lib/server/workbook/workbook-access.ts';
import { saveDraft } from '#lib/server/workbook/save-draft.ts';
import type { RequestHandler } from './$types';

const body = z.object({
	id: z.uuid(),
	session: z.number().int().min(1).max(4),
	kind: z.string().max(40),
	base: z.number().int().min(1).nullable(),
	fields: z.record(z.string(), z.string().max(20_000))
});

/*
 * Drafts from the workbook page's script (JSON; a cross-site page cannot send JSON without a
 * CORS preflight, which nothing here answers). The answer tells the script the new version, or
 * both versions when the entry moved on meanwhile. Entry text is never logged.
 */
export const POST: RequestHandler = async ({ params, request, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
	if (!request.headers.get('content-type')?.startsWith('application/json')) {
		error(415, m.error_not_found());
	}
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ error: 'invalid' }, { status: 400 });
	const d = parsed.data;
	const r = await saveDraft(db, {
		id: d.id,
		cohortId: ctx.cohort.id,
		userId: user.id,
		sessionNumber: d.session,
		kind: d.kind,
		base: d.base,
		fields: d.fields
	});
	if (r.ok) return json({ id: r.entry.id, version: r.entry.version });
	if (r.reason === 'not-found') return json({ error: 'not-found' }, { status: 404 });
	if (r.reason === 'invalid') return json({ error: 'invalid', errors: r.errors }, { status: 400 });
	return json(
		{ error: 'stale', mine: r.mine, theirs: r.theirs.fields, version: r.theirs.version },
		{ status: 409 }
	);
};
