import { strToU8, zipSync, type Zippable } from 'fflate';
import * as m from '#lib/paraglide/messages.js';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { renderWorkbookPdf } from '../workbook/workbook-pdf.ts';
import { workbookPdfContent } from '../workbook/workbook-pdf-content.ts';
import { asLocale } from '../i18n/locale.ts';
import type { Locale } from '#lib/paraglide/runtime.js';
import { withLocale } from '../i18n/with-locale.ts';
import { renderExportPage, type HtmlSection } from './export-html.ts';
import { areaData } from './export-area-data.ts';
import { areaPages, areaTitle, EXPORT_AREAS, type ExportArea } from './export-area-pages.ts';
import { loadExportView } from './load-export-view.ts';

export { EXPORT_AREAS };

export type PersonalDataExport = {
	filename: string;
	zip: Uint8Array;
	/** The ZIP's file names, in order. */
	files: string[];
};

/**
 * Everything Trellis keeps about one person, for that person, as a ZIP: per area a JSON file
 * for programs and a self-contained HTML page to read, an index.html linking them, and each
 * workbook as its PDF. Rules:
 * - Only the person's own rows: every read is keyed by their id, their email address or their
 *   own enrolments. Anonymous live answers and feedback pulses have no link to anybody, so
 *   they cannot be included; the pages say so. Others' names appear only where the person
 *   may already see them (who opened an entry they shared, who accessed their data).
 * - Evaluation answers are stored under a pseudonym (HMAC of person and cohort, keyed from
 *   `cfg.secret`, which is not in the database). The server recomputes the person's own
 *   pseudonym for each cohort they answered in; if the key has changed since, the answers
 *   cannot be linked any more and the page says that instead.
 * - Secret links in emails (sign-in, reset, invitation) are never included.
 * - No approval: the person asking is the person exported. The export is recorded in the
 *   audit log with the person as actor and subject (the route limits how often).
 * Written in `input.locale` (the route passes the person's preferred language).
 */
export function exportPersonalData(
	db: Db,
	cfg: Config,
	input: { userId: string; locale: string; actorRole: 'admin' | 'facilitator' | 'participant' },
	now = new Date()
): Promise<PersonalDataExport> {
	const locale = asLocale(input.locale);
	return withLocale(locale, () => buildExport(db, cfg, { ...input, locale }, now));
}

async function buildExport(
	db: Db,
	cfg: Config,
	input: { userId: string; locale: Locale; actorRole: 'admin' | 'facilitator' | 'participant' },
	now: Date
): Promise<PersonalDataExport> {
	const v = await loadExportView(db, cfg, input);
	const { locale, account, dateFmt } = v;
	const files: Zippable = {};
	const order: string[] = [];
	const put = (name: string, data: Uint8Array) => {
		files[name] = data;
		order.push(name);
	};
	const json = (x: unknown) => strToU8(JSON.stringify(x, null, 2));
	const generated = m.export_generated({ date: dateFmt.format(now), email: account.email });
	const page = (area: ExportArea, intro: string[], sections: HtmlSection[]) =>
		strToU8(
			renderExportPage({
				lang: locale,
				title: areaTitle[area](),
				back: { href: 'index.html', text: m.export_back() },
				intro,
				sections: [
					...sections,
					{
						heading: m.export_machine_heading(),
						links: [{ href: `${area}.json`, text: `${area}.json` }]
					}
				],
				generated
			})
		);

	// index.html first, so it is the first thing a person sees in the archive.
	put(
		'index.html',
		strToU8(
			renderExportPage({
				lang: locale,
				title: m.export_index_title(),
				intro: [m.export_index_intro({ name: account.name, date: dateFmt.format(now) })],
				sections: [
					{
						heading: m.export_index_areas(),
						links: EXPORT_AREAS.map((a) => ({ href: `${a}.html`, text: areaTitle[a]() }))
					},
					{ heading: m.export_machine_heading(), paragraphs: [m.export_machine_intro()] }
				],
				generated
			})
		)
	);
	const data = areaData(v, cfg.origin);
	const pages = areaPages(v, cfg.origin);
	for (const area of EXPORT_AREAS) {
		put(`${area}.html`, page(area, pages[area].intro, pages[area].sections));
		put(`${area}.json`, json(data[area]));
		if (area !== 'workbook' || !v.fonts) continue;
		for (const w of v.workbooks) {
			const ctx = v.contexts.get(w.cohortId);
			if (!ctx) continue;
			const pdf = await renderWorkbookPdf(workbookPdfContent(ctx, w.wb, account.name, locale));
			// Already compressed: stored as is, so zipping does not spend time on it again.
			files[w.file] = [new Uint8Array(pdf), { level: 0 }];
			order.push(w.file);
		}
	}

	// Text compresses well at a low level; the time goes into the PDFs, not here.
	const zip = zipSync(files, { level: 6, mtime: now });
	await recordAuditEvents(
		db,
		[
			{
				actorId: input.userId,
				actorRole: input.actorRole,
				subjectId: input.userId,
				action: 'export-personal-data',
				target: 'self-service'
			}
		],
		now
	);
	return {
		filename: `trellis-data-${now.toISOString().slice(0, 10)}.zip`,
		zip,
		files: order
	};
}
