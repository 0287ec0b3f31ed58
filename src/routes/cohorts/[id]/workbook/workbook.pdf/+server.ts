import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { requireOwnWorkbook } from '#lib/server/workbook/workbook-access.ts';
import { readWorkbook } from '#lib/server/workbook/read-workbook.ts';
import { pdfFontsPresent, renderWorkbookPdf } from '#lib/server/workbook/workbook-pdf.ts';
import {
	fieldLabel,
	kindLabel,
	mapSubjectLabel,
	sharingStatus,
	valueLabel
} from '#lib/i18n/workbook-labels.ts';
import { KIND_FIELDS, SESSION_NUMBERS, SPHERES } from '#lib/workbook/kinds.ts';
import type { RequestHandler } from './$types';

/* The whole workbook of the person asking, in their language, as a PDF download. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
	if (!pdfFontsPresent()) error(503, m.error_not_found());
	const wb = await readWorkbook(db, { cohortId: ctx.cohort.id, userId: user.id });
	const pdf = await renderWorkbookPdf({
		title: `${m.workbook_title()} — ${ctx.cohort.name}`,
		subtitle: user.name,
		empty: m.workbook_nothing_yet(),
		sessions: SESSION_NUMBERS.map((n) => ({
			heading: `${m.session_heading({ number: n })}: ${sessionTitle(ctx, n, locals.locale)}`,
			entries: wb.entries
				.filter((e) => e.sessionNumber === n)
				.map((e) => ({
					heading: kindLabel(e.kind),
					status: sharingStatus(e.sharing),
					rows: KIND_FIELDS[e.kind]
						.filter((k) => e.fields[k])
						.map((k) => ({ label: fieldLabel(e.kind, k), value: valueLabel(k, e.fields[k]) }))
				}))
		})),
		map: {
			heading: `${m.workbook_map_heading()} — ${mapSubjectLabel(wb.mapSubject)}`,
			centre:
				wb.mapSubject === 'fictional' ? m.workbook_map_centre_fictional() : m.workbook_map_centre(),
			legend: m.workbook_map_legend(),
			ties: wb.entries.filter((e) => e.kind === 'map-tie').map((e) => e.fields),
			sphereLabels: Object.fromEntries(SPHERES.map((s) => [s, valueLabel('sphere', s)]))
		}
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': 'attachment; filename="workbook.pdf"',
			'cache-control': 'private, no-store'
		}
	});
};
