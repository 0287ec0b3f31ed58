import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import * as m from '#lib/paraglide/messages.js';
import { formatDate } from '#lib/i18n/format.ts';
import type { CertificateFacts } from '../db/schema/index.ts';
import { asLocale } from '../i18n/locale.ts';
import { hoursAndMinutes, titleIn } from './certificate-facts.ts';

/*
 * DejaVu covers Czech diacritics and Cyrillic, and PDF/A allows only embedded fonts. The
 * Debian package fonts-dejavu-core puts it here (.ci/run installs it); CERTIFICATE_FONT_DIR
 * points elsewhere on other systems.
 */
const FONT_DIR = process.env.CERTIFICATE_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';

export type CertificatePrint = {
	name: string;
	facts: CertificateFacts;
	issuedAt: Date;
	verifyUrl: string;
	locale: string;
	timeZone: string;
};

/**
 * The certificate as a PDF/A-2b document (A4 landscape) in one language, with the dates in
 * the viewer's time zone, and a QR code of the verification address drawn as vector squares.
 */
export function renderCertificatePdf(p: CertificatePrint): Promise<Buffer> {
	const o = { locale: asLocale(p.locale) };
	const title = m.cert_pdf_title({}, o);
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 56,
		// Without this PDFKit starts on Helvetica, a font PDF/A cannot use unembedded.
		font: `${FONT_DIR}/DejaVuSans.ttf`,
		pdfVersion: '1.7',
		subset: 'PDF/A-2b',
		lang: o.locale,
		displayTitle: true,
		info: { Title: `${title} — ${p.name}`, Author: p.facts.organisation, Subject: title }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	doc.registerFont('body', `${FONT_DIR}/DejaVuSans.ttf`);
	doc.registerFont('bold', `${FONT_DIR}/DejaVuSans-Bold.ttf`);

	const W = doc.page.width;
	const H = doc.page.height;
	const left = 56;
	const width = W - 2 * left;
	doc
		.lineWidth(2)
		.strokeColor('#2f5d50')
		.rect(28, 28, W - 56, H - 56)
		.stroke();

	doc.font('body').fontSize(13).fillColor('#333333');
	doc.text(p.facts.organisation, left, 60, { width, align: 'center' });
	doc.font('bold').fontSize(30).fillColor('#2f5d50');
	doc.text(title, left, 90, { width, align: 'center' });
	doc.font('body').fontSize(13).fillColor('#333333');
	doc.text(m.cert_pdf_certifies({}, o), left, 146, { width, align: 'center' });
	doc.font('bold').fontSize(26).fillColor('#111111');
	doc.text(p.name, left, 170, { width, align: 'center' });
	doc.font('body').fontSize(13).fillColor('#333333');
	doc.text(m.cert_pdf_took_part({}, o), left, 212, { width, align: 'center' });
	doc.font('bold').fontSize(18).fillColor('#111111');
	doc.text(titleIn(p.facts, o.locale), left, 234, { width, align: 'center' });

	const dates = p.facts.sessions
		.map((s) => formatDate(s.startsAt, o.locale, p.timeZone))
		.join(' · ');
	const hm = hoursAndMinutes(p.facts.minutesAttended);
	doc.font('body').fontSize(11.5).fillColor('#222222');
	let y = 290;
	const line = (label: string, value: string) => {
		doc.font('bold').text(`${label}: `, left + 40, y, { continued: true, width: width - 200 });
		doc.font('body').text(value);
		y = doc.y + 6;
	};
	line(m.cert_fact_dates({}, o), dates);
	line(
		m.cert_fact_hours({}, o),
		m.cert_hours_value(
			{
				hours: hm.hours,
				minutes: hm.minutes,
				sessions: p.facts.sessionsAttended,
				of: p.facts.sessions.length
			},
			o
		)
	);
	line(m.cert_fact_facilitators({}, o), p.facts.facilitators.join(', '));
	line(m.cert_fact_issued({}, o), formatDate(p.issuedAt, o.locale, p.timeZone));

	const qrSize = 110;
	const qrX = W - left - qrSize - 20;
	const qrY = H - 56 - qrSize - 20;
	drawQr(doc, p.verifyUrl, qrX, qrY, qrSize);
	doc.font('body').fontSize(9.5).fillColor('#333333');
	doc.text(m.cert_pdf_verify({}, o), left + 40, qrY + 30, { width: qrX - left - 70 });
	doc.fillColor('#1a4d8f').text(p.verifyUrl, { width: qrX - left - 70, link: p.verifyUrl });
	doc.fillColor('#555555').text(m.cert_pdf_time_zone({ zone: p.timeZone }, o), {
		width: qrX - left - 70
	});
	doc.end();
	return done;
}

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const quiet = 2;
	const cell = size / (n + 2 * quiet);
	doc.rect(x, y, size, size).fill('#ffffff');
	doc.fillColor('#000000');
	for (let r = 0; r < n; r++) {
		for (let c = 0; c < n; c++) {
			if (qr.modules.get(r, c)) {
				doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.05, cell + 0.05);
			}
		}
	}
	doc.fill('#000000');
}
