import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import {
	layoutEcomap,
	MAP_CENTRE,
	MAP_SIZE,
	SPHERE_COLOURS,
	type Tie
} from '#lib/workbook/ecomap.ts';

/*
 * The workbook as a PDF, drawn with pdfkit. DejaVu Sans is embedded (from fonts-dejavu-core,
 * which the project already needs) because the standard PDF fonts have no Czech diacritics or
 * Cyrillic. The page passes every text already in the person's language; this file only lays
 * it out, and draws the community map from the same layout as the page's SVG.
 */
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const REGULAR = `${FONT_DIR}/DejaVuSans.ttf`;
const BOLD = `${FONT_DIR}/DejaVuSans-Bold.ttf`;

export type PdfEntry = {
	heading: string;
	status: string;
	rows: { label: string; value: string }[];
};
export type PdfSession = { heading: string; entries: PdfEntry[] };
export type PdfWorkbook = {
	title: string;
	subtitle: string;
	sessions: PdfSession[];
	map: {
		heading: string;
		centre: string;
		legend: string;
		ties: Tie[];
		sphereLabels: Record<string, string>;
	};
	empty: string;
};

export const pdfFontsPresent = () => existsSync(REGULAR) && existsSync(BOLD);

function drawMap(doc: PDFKit.PDFDocument, map: PdfWorkbook['map']) {
	const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
	const scale = width / MAP_SIZE.width;
	const height = MAP_SIZE.height * scale;
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
	const x0 = doc.page.margins.left;
	const y0 = doc.y;
	doc.save();
	doc.translate(x0, y0).scale(scale);
	doc.rect(0, 0, MAP_SIZE.width, MAP_SIZE.height).lineWidth(1).strokeColor('#cccccc').stroke();
	for (const r of [110, 175, 240]) {
		doc
			.circle(MAP_CENTRE.x, MAP_CENTRE.y, r)
			.dash(2, { space: 4 })
			.strokeColor('#cccccc')
			.stroke()
			.undash();
	}
	const { nodes, edges } = layoutEcomap(map.ties);
	for (const e of edges) {
		doc
			.path(e.d)
			.lineWidth(e.quality === 'supportive' ? 3 : 1.5)
			.strokeColor('#333333');
		if (e.quality === 'weak') doc.dash(6, { space: 5 });
		doc.stroke().undash();
		if (e.oneWay) {
			// An arrowhead at the tie's end, as the SVG's marker draws it.
			const { x, y, angle } = e.end;
			const back = (a: number) => [x - Math.cos(angle + a) * 10, y - Math.sin(angle + a) * 10];
			const [ax, ay] = back(0.4);
			const [bx, by] = back(-0.4);
			doc.polygon([x, y], [ax, ay], [bx, by]).fill('#333333');
		}
	}
	doc.circle(MAP_CENTRE.x, MAP_CENTRE.y, 34).lineWidth(2).fillAndStroke('#ffffff', '#333333');
	doc.font(BOLD).fontSize(13).fillColor('#111111');
	doc.text(map.centre, MAP_CENTRE.x - 34, MAP_CENTRE.y - 8, { width: 68, align: 'center' });
	doc.font(REGULAR).fontSize(12);
	for (const n of nodes) {
		doc.circle(n.x, n.y, 10).fill(SPHERE_COLOURS[n.tie.sphere] ?? '#555555');
		const label = n.label.length > 22 ? `${n.label.slice(0, 21)}…` : n.label;
		const w = 150;
		const tx = n.anchor === 'start' ? n.x + 14 : n.anchor === 'end' ? n.x - 14 - w : n.x - w / 2;
		const ty = n.anchor === 'middle' ? n.y + 14 : n.y - 7;
		doc.fillColor('#111111').text(label, tx, ty, {
			width: w,
			align: n.anchor === 'start' ? 'left' : n.anchor === 'end' ? 'right' : 'center',
			lineBreak: false
		});
	}
	doc.font(BOLD).fontSize(13);
	doc.text(map.sphereLabels.being, 12, 12, { lineBreak: false });
	doc.text(map.sphereLabels.doing, MAP_SIZE.width - 212, 12, {
		width: 200,
		align: 'right',
		lineBreak: false
	});
	doc.text(map.sphereLabels.becoming, MAP_SIZE.width - 212, MAP_SIZE.height - 26, {
		width: 200,
		align: 'right',
		lineBreak: false
	});
	doc.text(map.sphereLabels.belonging, 12, MAP_SIZE.height - 26, { lineBreak: false });
	doc.restore();
	doc.x = x0;
	doc.y = y0 + height + 8;
	doc.font(REGULAR).fontSize(9).fillColor('#333333').text(map.legend);
}

export function renderWorkbookPdf(wb: PdfWorkbook): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: wb.title } });
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	doc.font(BOLD).fontSize(20).fillColor('#111111').text(wb.title);
	doc.font(REGULAR).fontSize(11).fillColor('#333333').text(wb.subtitle).moveDown();
	for (const [i, s] of wb.sessions.entries()) {
		if (i > 0) doc.addPage();
		doc.font(BOLD).fontSize(16).fillColor('#111111').text(s.heading).moveDown(0.5);
		if (i === 1) {
			doc.font(BOLD).fontSize(13).text(wb.map.heading).moveDown(0.3);
			drawMap(doc, wb.map);
			doc.moveDown();
		}
		if (!s.entries.length) doc.font(REGULAR).fontSize(11).text(wb.empty);
		for (const e of s.entries) {
			doc.font(BOLD).fontSize(12).fillColor('#111111').text(e.heading, { continued: true });
			doc.font(REGULAR).fontSize(9).fillColor('#555555').text(`  ${e.status}`);
			doc.moveDown(0.2);
			for (const r of e.rows) {
				doc.font(BOLD).fontSize(10).fillColor('#111111').text(r.label);
				doc.font(REGULAR).fontSize(10).text(r.value);
			}
			doc.moveDown(0.6);
		}
	}
	doc.end();
	return done;
}
