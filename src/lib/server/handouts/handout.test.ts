import { describe, expect, it } from 'vitest';
import { loadCoursePackage } from '../courses/load-course-package.ts';
import { validateCoursePackage } from '../courses/validate-course-package.ts';
import { handoutOf } from './handout.ts';
import { handoutFontsPresent, renderHandoutPdf } from './render-handout-pdf.ts';

const pkg = validateCoursePackage(loadCoursePackage('recovery-oriented-practice')).pkg!;

describe('handouts', () => {
	it('hold each session’s aims, key ideas, reading, reflection and task in the person’s language', () => {
		for (const n of [1, 2, 3, 4]) {
			for (const l of ['en', 'cs', 'uk']) {
				const h = handoutOf(pkg, n, l)!;
				expect(h.lang).toBe(l);
				expect(h.aims.length).toBeGreaterThan(0);
				expect(h.keyIdeas.length).toBeGreaterThan(3);
				expect(h.reading && h.reflection && h.task).toBeTruthy();
			}
		}
		expect(handoutOf(pkg, 2, 'cs')!.labels.keyIdeas).toBe('Hlavní myšlenky');
		expect(handoutOf(pkg, 4, 'uk')!.labels.session).toBe('Заняття 4');
		expect(handoutOf(pkg, 1, 'de')!.lang).toBe('en');
		expect(handoutOf(pkg, 9, 'en')).toBeUndefined();
	});

	it('render as an A4 PDF with the DejaVu fonts embedded, so Czech and Cyrillic letters print', async () => {
		expect(handoutFontsPresent()).toBe(true);
		for (const l of ['cs', 'uk']) {
			const pdf = await renderHandoutPdf(handoutOf(pkg, 4, l)!);
			const text = pdf.toString('latin1');
			expect(text.startsWith('%PDF-')).toBe(true);
			expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
			expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
			expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
			expect(text).toContain(`/Lang (${l})`);
		}
	});

	it('a PDF without its fonts is refused rather than drawn with letters missing', () => {
		expect(handoutFontsPresent('/nonexistent')).toBe(false);
	});
});
