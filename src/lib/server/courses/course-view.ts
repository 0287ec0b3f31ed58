import { error } from '@sveltejs/kit';
import { marked } from 'marked';
import * as m from '#lib/paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { findLatestVersion } from './course-versions.queries.ts';
import type { CoursePackage } from './validate-course-package.ts';

/*
 * Markdown comes only from the course package in this repository (reviewed like code), so
 * its HTML is trusted; nothing a participant types is ever rendered through here.
 */
/*
 * Course texts never change once a version is imported, and the same few hundred are rendered
 * again for every page and every live panel: each is parsed once per process. Bounded, in case
 * many versions are read over a long run.
 */
const rendered = new Map<string, string>();
const RENDERED_MAX = 5000;

export function md(text: string | undefined): string {
	if (!text) return '';
	let html = rendered.get(text);
	if (html === undefined) {
		html = marked.parse(text, { async: false }) as string;
		if (rendered.size >= RENDERED_MAX) rendered.clear();
		rendered.set(text, html);
	}
	return html;
}

/** The latest imported version of a course, in the viewer's locale (falling back to the source). */
export async function loadCourse(db: Db, slug: string, locale: string) {
	const row = await findLatestVersion(db, slug);
	if (!row) return undefined;
	const pkg = row.package as CoursePackage;
	const l = pkg.text[locale] ? locale : pkg.course.sourceLocale;
	return { id: row.id, version: row.version, pkg, locale: l };
}

export function sessionIn(pkg: CoursePackage, n: number) {
	return pkg.sessions.find((s) => s.structure.number === n);
}

/**
 * One session of the latest course version in the viewer's locale, or a 404 for an unknown
 * course or session number. Shared by the participant page and the facilitator guide.
 */
export async function loadSessionOr404(db: Db, slug: string, nParam: string, locale: string) {
	const n = Number(nParam);
	if (!Number.isInteger(n) || n < 1 || n > 20) error(404, m.error_not_found());
	const c = await loadCourse(db, slug, locale);
	const s = c && sessionIn(c.pkg, n);
	if (!c || !s) error(404, m.error_not_found());
	return {
		n,
		course: c,
		session: s,
		text: s.text[c.locale] ?? s.text[c.pkg.course.sourceLocale]
	};
}
