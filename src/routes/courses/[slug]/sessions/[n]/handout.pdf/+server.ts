import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { loadSessionOr404 } from '#lib/server/courses/course-view.ts';
import { handoutOf } from '#lib/server/handouts/handout.ts';
import { handoutFontsPresent, renderHandoutPdf } from '#lib/server/handouts/render-handout-pdf.ts';
import type { RequestHandler } from './$types';

/* The handout as an A4 PDF in the viewer's language (pdfkit with embedded DejaVu; ADR 024). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const { db } = await appContext();
	const { n, course: c } = await loadSessionOr404(db, params.slug, params.n, locals.locale);
	const h = handoutOf(c.pkg, n, c.locale);
	if (!h) error(404, m.error_not_found());
	if (!handoutFontsPresent()) error(503, m.handout_fonts_missing());
	const pdf = await renderHandoutPdf(h);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${params.slug}-${n}-${h.lang}.pdf"`,
			'content-language': h.lang
		}
	});
};
