import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { marked, type Token, type Tokens } from 'marked';
import type { Handout } from './handout.ts';

/*
 * Handouts as PDF with pdfkit and embedded DejaVu TrueType fonts (ADR 024): the PDF's standard
 * fonts cannot write Czech or Ukrainian, DejaVu covers Latin with diacritics and Cyrillic.
 * The fonts are Debian's (fonts-dejavu-core); HANDOUT_FONT_DIR points elsewhere if needed.
 */
const FONT_DIR = process.env.HANDOUT_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';
const FONTS = {
	regular: 'DejaVuSans.ttf',
	bold: 'DejaVuSans-Bold.ttf',
	italic: 'DejaVuSans-Oblique.ttf',
	boldItalic: 'DejaVuSans-BoldOblique.ttf'
} as const;

export function handoutFontsPresent(dir = FONT_DIR) {
	return Object.values(FONTS).every((f) => existsSync(join(dir, f)));
}

type Run = { text: string; bold: boolean; italic: boolean };

/* Inline Markdown (bold, italic, code, links) as runs of text with their style. */
function runs(tokens: Token[] | undefined, bold = false, italic = false): Run[] {
	const out: Run[] = [];
	for (const t of tokens ?? []) {
		if (t.type === 'strong') out.push(...runs((t as Tokens.Strong).tokens, true, italic));
		else if (t.type === 'em') out.push(...runs((t as Tokens.Em).tokens, bold, true));
		else if (t.type === 'link') out.push(...runs((t as Tokens.Link).tokens, bold, italic));
		else if (t.type === 'br') out.push({ text: '\n', bold, italic });
		else if ('tokens' in t && t.tokens) out.push(...runs(t.tokens as Token[], bold, italic));
		else if ('text' in t) out.push({ text: String(t.text), bold, italic });
	}
	return out;
}

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** Renders a handout as an A4 PDF in its own language. */
export function renderHandoutPdf(h: Handout, dir = FONT_DIR): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 56, bottom: 56, left: 60, right: 60 },
		lang: h.lang,
		displayTitle: true,
		info: { Title: `${h.labels.session}: ${h.title}`, Subject: h.courseTitle }
	});
	doc.registerFont('regular', join(dir, FONTS.regular));
	doc.registerFont('bold', join(dir, FONTS.bold));
	doc.registerFont('italic', join(dir, FONTS.italic));
	doc.registerFont('boldItalic', join(dir, FONTS.boldItalic));
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve) =>
		doc.on('end', () => resolve(Buffer.concat(chunks)))
	);

	const width = doc.page.width - 120;
	const font = (r: { bold: boolean; italic: boolean }) =>
		r.bold && r.italic ? 'boldItalic' : r.bold ? 'bold' : r.italic ? 'italic' : 'regular';
	const paragraph = (rs: Run[], opts: { indent?: number; size?: number; bullet?: string } = {}) => {
		const size = opts.size ?? 10.5;
		const x = 60 + (opts.indent ?? 0);
		const w = width - (opts.indent ?? 0);
		if (opts.bullet) {
			doc
				.font('regular')
				.fontSize(size)
				.text(opts.bullet, x - 12, doc.y, { width: 12, continued: false });
			doc.moveUp();
		}
		const list = rs.length ? rs : [{ text: '', bold: false, italic: false }];
		list.forEach((r, i) => {
			doc
				.font(font(r))
				.fontSize(size)
				// Only the first run places the paragraph; later runs continue its line wrapper.
				.text(
					decode(r.text).replace(/\s*\n\s*/g, ' '),
					...((i === 0
						? [x, doc.y, { width: w, continued: i < list.length - 1, lineGap: 2 }]
						: [{ continued: i < list.length - 1 }]) as [number, number, object])
				);
		});
		doc.moveDown(0.45);
	};
	const heading = (text: string, size: number) => {
		doc.moveDown(0.4);
		doc.font('bold').fontSize(size).text(text, 60, doc.y, { width });
		doc.moveDown(0.3);
	};
	const markdown = (src: string) => {
		for (const t of marked.lexer(src)) {
			if (t.type === 'heading') heading(decode((t as Tokens.Heading).text), 12);
			else if (t.type === 'paragraph') paragraph(runs((t as Tokens.Paragraph).tokens));
			else if (t.type === 'blockquote') {
				for (const p of (t as Tokens.Blockquote).tokens) {
					if (p.type === 'paragraph') {
						paragraph(runs((p as Tokens.Paragraph).tokens, false, true), { indent: 14 });
					}
				}
			} else if (t.type === 'list') {
				const l = t as Tokens.List;
				l.items.forEach((item, i) => {
					const inline = item.tokens.flatMap((x) =>
						x.type === 'text' || x.type === 'paragraph'
							? runs((x as Tokens.Text).tokens ?? [x])
							: []
					);
					paragraph(inline, {
						indent: 16,
						bullet: l.ordered ? `${Number(l.start || 1) + i}.` : '•'
					});
				});
			}
		}
	};
	const bullets = (items: string[]) => {
		for (const s of items) {
			paragraph([{ text: s, bold: false, italic: false }], { indent: 16, bullet: '•' });
		}
	};

	doc.font('regular').fontSize(9).fillColor('#444').text(h.courseTitle, { width });
	doc.fillColor('#000');
	heading(`${h.labels.session}: ${h.title}`, 17);
	heading(h.labels.aims, 13);
	bullets(h.aims);
	if (h.keyIdeas.length) {
		heading(h.labels.keyIdeas, 13);
		bullets(h.keyIdeas);
	}
	heading(h.labels.between, 13);
	heading(h.labels.reading, 11.5);
	markdown(h.reading);
	heading(h.labels.reflection, 11.5);
	paragraph([{ text: h.reflection, bold: false, italic: false }]);
	heading(h.labels.task, 11.5);
	markdown(h.task);
	heading(h.labels.sources, 11.5);
	for (const s of h.sources) {
		paragraph(
			[
				{ text: s.citation, bold: false, italic: false },
				...(s.unverified ? [{ text: ` (${h.labels.unverified})`, bold: false, italic: true }] : [])
			],
			{ size: 8.5 }
		);
	}
	doc.moveDown(1);
	doc.font('italic').fontSize(8.5).fillColor('#444').text(h.labels.footer, 60, doc.y, { width });
	doc.end();
	return done;
}
