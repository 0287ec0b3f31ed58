import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { isUuid } from '#lib/forms/fields.ts';
import { SESSION_KINDS } from '#lib/workbook/kinds.ts';
import { requireOwnWorkbook } from '#lib/server/workbook/workbook-access.ts';
import { readWorkbook } from '#lib/server/workbook/read-workbook.ts';
import { addEntry } from '#lib/server/workbook/add-entry.ts';
import { takeMapSnapshot } from '#lib/server/workbook/take-map-snapshot.ts';
import { setMapSubject } from '#lib/server/workbook/set-map-subject.ts';
import { workbookSessionView } from '#lib/server/workbook/workbook-session-view.ts';
import type { Actions, PageServerLoad } from './$types';

function sessionNumber(param: string) {
	const n = Number(param);
	if (!/^[1-4]$/.test(param) || !SESSION_KINDS[n]) error(404, m.error_not_found());
	return n;
}

function formValues(form: FormData) {
	const raw: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string') raw[k] = v;
	return raw;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const n = sessionNumber(params.n);
	const { db } = await appContext();
	const { ctx, user, enrolment } = await requireOwnWorkbook(db, locals, params.id);
	const view = await workbookSessionView(db, ctx, n, locals.locale, enrolment.id);
	if (!view) error(404, m.error_not_found());
	const wb = await readWorkbook(db, { cohortId: ctx.cohort.id, userId: user.id, sessionNumber: n });
	const entries = wb.entries;
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		number: n,
		view,
		kinds: SESSION_KINDS[n],
		// A fresh id per form, so that a resent form stores its entry once.
		newIds: Object.fromEntries(SESSION_KINDS[n].map((k) => [k, randomUUID()])),
		entries: entries.map((e) => ({
			id: e.id,
			kind: e.kind,
			fields: e.fields,
			sharing: e.sharing,
			fromLive: !!e.sourceAnswerId,
			opened: e.views.length
		})),
		ties: entries.filter((e) => e.kind === 'map-tie').map((e) => e.fields),
		snapshots:
			n === 2
				? wb.snapshots.map((s) => ({
						label: s.label,
						count: s.ties.length,
						at: s.createdAt,
						subject: s.subject
					}))
				: [],
		mapSubject: wb.mapSubject,
		timeZone: user.timeZone,
		userId: user.id
	};
};

export const actions: Actions = {
	add: async ({ params, request, locals }) => {
		const n = sessionNumber(params.n);
		const { db } = await appContext();
		const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
		const values = formValues(await request.formData());
		const kind = values.kind ?? '';
		if (!isUuid(values.id ?? '')) error(400, m.error_not_found());
		const r = await addEntry(db, {
			id: values.id,
			cohortId: ctx.cohort.id,
			userId: user.id,
			sessionNumber: n,
			kind,
			fields: values
		});
		if (!r.ok && r.reason === 'not-found') error(404, m.error_not_found());
		if (!r.ok) {
			return fail(400, {
				form: kind,
				errors: r.reason === 'invalid' ? r.errors : {},
				values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.slice(0, 20_000)]))
			});
		}
		redirect(303, `/cohorts/${ctx.cohort.id}/workbook/sessions/${n}?saved=${kind}#h-${kind}`);
	},
	mapSubject: async ({ params, request, locals }) => {
		const n = sessionNumber(params.n);
		if (n !== 2) error(404, m.error_not_found());
		const { db } = await appContext();
		const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
		const subject = String((await request.formData()).get('subject') ?? '');
		const r = await setMapSubject(db, { cohortId: ctx.cohort.id, userId: user.id, subject });
		if (!r.ok && r.reason === 'not-found') error(404, m.error_not_found());
		if (!r.ok) return fail(400, { form: 'mapSubject', errors: { subject: 'error_choice' } });
		return { form: 'mapSubject', saved: true };
	},
	snapshot: async ({ params, request, locals }) => {
		const n = sessionNumber(params.n);
		if (n !== 2) error(404, m.error_not_found());
		const { db } = await appContext();
		const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
		const label = String((await request.formData()).get('label') ?? '');
		const r = await takeMapSnapshot(db, { cohortId: ctx.cohort.id, userId: user.id, label });
		if (!r.ok) {
			return fail(400, {
				form: 'snapshot',
				errors: r.errors,
				values: { label: label.slice(0, 200) }
			});
		}
		return { form: 'snapshot', saved: true };
	}
};
