import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { requireOwnWorkbook } from '#lib/server/workbook/workbook-access.ts';
import { readWorkbook } from '#lib/server/workbook/read-workbook.ts';
import { pdfFontsPresent, renderWorkbookPdf } from '#lib/server/workbook/workbook-pdf.ts';
import { workbookPdfContent } from '#lib/server/workbook/workbook-pdf-content.ts';
import type { RequestHandler } from './$types';

/* The whole workbook of the person asking, in their language, as a PDF download. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await requireOwnWorkbook(db, locals, params.id);
	if (!pdfFontsPresent()) error(503, m.error_not_found());
	const wb = await readWorkbook(db, { cohortId: ctx.cohort.id, userId: user.id });
	const pdf = await renderWorkbookPdf(workbookPdfContent(ctx, wb, user.name, locals.locale));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': 'attachment; filename="workbook.pdf"',
			'cache-control': 'private, no-store'
		}
	});
};
