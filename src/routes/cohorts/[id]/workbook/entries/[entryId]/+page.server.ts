import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { isUuid } from '#lib/forms/fields.ts';
import { cohortAccess } from '#lib/server/cohorts/cohort-access.ts';
import { openEntry } from '#lib/server/workbook/open-entry.ts';
import { saveEntry } from '#lib/server/workbook/save-entry.ts';
import { shareEntry } from '#lib/server/workbook/share-entry.ts';
import { removeEntry } from '#lib/server/workbook/remove-entry.ts';
import { keepBothVersions } from '#lib/server/workbook/keep-both-versions.ts';
import { widestSharing } from '#lib/server/workbook/workbook-audience.ts';
import { SHARING, type Sharing } from '#lib/workbook/kinds.ts';
import type { Actions, PageServerLoad } from './$types';

function entryId(param: string) {
	if (!isUuid(param)) error(404, m.error_not_found());
	return param;
}

function formValues(form: FormData) {
	const raw: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') raw[k] = v;
	return raw;
}

const clip = (v: Record<string, string>) =>
	Object.fromEntries(Object.entries(v).map(([k, s]) => [k, s.slice(0, 20_000)]));

/*
 * One entry: its owner edits it, shares or withdraws it and sees who opened it; someone it is
 * shared with right now reads it (and that is recorded). Everyone else: 404.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await cohortAccess(db, locals, params.id);
	const r = await openEntry(db, {
		entryId: entryId(params.entryId),
		cohortId: ctx.cohort.id,
		viewerId: user.id
	});
	if (!r.ok) error(404, m.error_not_found());
	const e = r.entry;
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		entry: {
			id: e.id,
			kind: e.kind,
			sessionNumber: e.sessionNumber,
			fields: e.fields,
			sharing: e.sharing,
			version: e.version,
			widest: widestSharing(e)
		},
		own: r.own,
		ownerName: r.own ? null : r.ownerName,
		views: r.own ? r.views.map((v) => ({ name: v.name, at: v.firstOpenedAt })) : [],
		timeZone: user.timeZone,
		userId: user.id
	};
};

async function owner(locals: App.Locals, params: { id: string; entryId: string }) {
	const { db } = await appContext();
	const { ctx, user } = await cohortAccess(db, locals, params.id);
	return { db, ctx, user, id: entryId(params.entryId) };
}

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const { db, ctx, user, id } = await owner(locals, params);
		const values = formValues(await request.formData());
		const base = Number(values.base);
		if (!Number.isInteger(base) || base < 1) error(400, m.error_not_found());
		const r = await saveEntry(db, {
			entryId: id,
			cohortId: ctx.cohort.id,
			userId: user.id,
			baseVersion: base,
			fields: values
		});
		if (!r.ok && r.reason === 'not-found') error(404, m.error_not_found());
		if (!r.ok && r.reason === 'invalid') {
			return fail(400, { form: 'save', errors: r.errors, values: clip(values) });
		}
		if (!r.ok && r.reason === 'stale') {
			return fail(409, {
				form: 'save',
				conflict: { mine: r.mine, theirs: r.theirs.fields, version: r.theirs.version }
			});
		}
		return { form: 'save', saved: true };
	},
	keepBoth: async ({ params, request, locals }) => {
		const { db, ctx, user, id } = await owner(locals, params);
		const values = formValues(await request.formData());
		const r = await keepBothVersions(db, {
			entryId: id,
			cohortId: ctx.cohort.id,
			userId: user.id,
			fields: values
		});
		if (!r.ok && r.reason === 'not-found') error(404, m.error_not_found());
		if (!r.ok) {
			return fail(400, {
				form: 'save',
				errors: r.reason === 'invalid' ? r.errors : {},
				values: clip(values)
			});
		}
		redirect(303, `/cohorts/${ctx.cohort.id}/workbook/entries/${r.entry.id}?kept=both`);
	},
	share: async ({ params, request, locals }) => {
		const { db, ctx, user, id } = await owner(locals, params);
		const sharing = String((await request.formData()).get('sharing') ?? '');
		if (!SHARING.includes(sharing as Sharing)) {
			return fail(400, { form: 'share', errors: { sharing: 'error_choice' } });
		}
		const r = await shareEntry(db, {
			entryId: id,
			cohortId: ctx.cohort.id,
			userId: user.id,
			sharing: sharing as Sharing
		});
		if (!r.ok && r.reason === 'not-found') error(404, m.error_not_found());
		if (!r.ok) return fail(400, { form: 'share', message: 'too-wide' });
		return { form: 'share', saved: true };
	},
	remove: async ({ params, locals }) => {
		const { db, ctx, user, id } = await owner(locals, params);
		const r = await removeEntry(db, { entryId: id, cohortId: ctx.cohort.id, userId: user.id });
		if (!r.ok) error(404, m.error_not_found());
		redirect(303, `/cohorts/${ctx.cohort.id}/workbook/sessions/${r.sessionNumber}`);
	}
};
