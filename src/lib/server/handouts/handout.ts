import * as m from '#lib/paraglide/messages.js';
import type { CoursePackage } from '../courses/validate-course-package.ts';

type Locale = 'en' | 'cs' | 'uk';

/** A session's participant material in one language: the same on the page and in the PDF. */
export type Handout = {
	lang: string;
	courseTitle: string;
	number: number;
	title: string;
	aims: string[];
	keyIdeas: string[];
	/** Markdown from the course package. */
	reading: string;
	reflection: string;
	/** Markdown from the course package. */
	task: string;
	sources: { citation: string; unverified: boolean }[];
	labels: {
		session: string;
		aims: string;
		keyIdeas: string;
		between: string;
		reading: string;
		reflection: string;
		task: string;
		sources: string;
		unverified: string;
		footer: string;
	};
};

/**
 * The handout of session `n` in `locale` (the source language when the package lacks it), or
 * undefined for a session the package does not have. Versions imported before key ideas
 * existed give an empty list, and the pages leave the heading out.
 */
export function handoutOf(pkg: CoursePackage, n: number, locale: string): Handout | undefined {
	const s = pkg.sessions.find((x) => x.structure.number === n);
	if (!s) return undefined;
	const lang = s.text[locale] ? locale : pkg.course.sourceLocale;
	const t = s.text[lang];
	const o = { locale: lang as Locale };
	const courseTitle = (pkg.text[lang] ?? pkg.text[pkg.course.sourceLocale]).title;
	return {
		lang,
		courseTitle,
		number: n,
		title: t.title,
		aims: t.aims,
		keyIdeas: t.keyIdeas ?? [],
		reading: t.between.reading,
		reflection: t.between.reflection,
		task: t.between.task,
		sources: s.structure.sources.map((x) => ({ citation: x.citation, unverified: x.unverified })),
		labels: {
			session: m.session_heading({ number: n }, o),
			aims: m.session_aims({}, o),
			keyIdeas: m.handout_key_ideas({}, o),
			between: m.session_between({}, o),
			reading: m.session_reading({}, o),
			reflection: m.session_reflection({}, o),
			task: m.session_task({}, o),
			sources: m.session_sources({}, o),
			unverified: m.course_unverified({}, o),
			footer: m.handout_footer({ course: courseTitle }, o)
		}
	};
}
