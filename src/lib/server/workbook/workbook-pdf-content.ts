import * as m from '#lib/paraglide/messages.js';
import { sessionTitle, type CohortContext } from '../cohorts/cohort-context.ts';
import {
	fieldLabel,
	kindLabel,
	mapSubjectLabel,
	sharingStatus,
	valueLabel
} from '#lib/i18n/workbook-labels.ts';
import { KIND_FIELDS, SESSION_NUMBERS, SPHERES } from '#lib/workbook/kinds.ts';
import type { readWorkbook } from './read-workbook.ts';
import type { PdfWorkbook } from './workbook-pdf.ts';

/**
 * What the workbook PDF says, in the current language: the owner's download and their data
 * export (issue #16) print the same document.
 */
export function workbookPdfContent(
	ctx: CohortContext,
	wb: Awaited<ReturnType<typeof readWorkbook>>,
	ownerName: string,
	locale: string
): PdfWorkbook {
	return {
		title: `${m.workbook_title()} — ${ctx.cohort.name}`,
		subtitle: ownerName,
		empty: m.workbook_nothing_yet(),
		sessions: SESSION_NUMBERS.map((n) => ({
			heading: `${m.session_heading({ number: n })}: ${sessionTitle(ctx, n, locale)}`,
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
	};
}
