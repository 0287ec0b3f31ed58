import {
	courseSchema,
	courseTextSchema,
	glossarySchema,
	type Questionnaire,
	type QuestionnaireText,
	sessionSchema,
	sessionTextSchema,
	type CourseStructure,
	type CourseText,
	type Glossary,
	type SessionStructure,
	type SessionText
} from './course-package.schema.ts';
import type { RawPackage } from './load-course-package.ts';
import { schemaIssues } from './schema-issues.ts';
import { agendaMinutes } from './package-timing-checks.ts';
import { checkSessionStructure } from './package-structure-checks.ts';
import { checkCourseText, checkSessionText, sessionWordCounts } from './package-text-checks.ts';
import { translationChecks } from './package-translation-checks.ts';
import { validateQuestionnaire } from './validate-questionnaire.ts';

export type CoursePackage = {
	course: CourseStructure;
	text: Record<string, CourseText>;
	sessions: {
		folder: string;
		structure: SessionStructure;
		text: Record<string, SessionText>;
		/** SVG templates of the session's visuals (absent in versions imported before they existed). */
		visuals?: Record<string, string>;
	}[];
	/** Hash of each English source file, so pages can tell authors a translation is outdated. */
	sourceHashes?: Record<string, string>;
	/** The pre/post questionnaire, versioned with the course (ADR 023). */
	evaluation?: { structure: Questionnaire; text: Record<string, QuestionnaireText> };
};

export type SessionReport = {
	session: string;
	locale: string;
	minutes: number;
	activities: number;
	participantWords: number;
	facilitatorWords: number;
	translation: 'source' | 'draft' | 'reviewed' | 'missing';
	outdated: boolean;
};

export type Validation = {
	errors: string[];
	warnings: string[];
	report: SessionReport[];
	pkg?: CoursePackage;
};

/**
 * Checks a course package against the rules a course author must meet: structure, agendas
 * that add up, a facilitator guide and activity for every block that needs one, passable
 * activities, content notes, person-first language (inflected forms included), complete
 * translations that follow the glossary and mark the same claims unverified as the source.
 * Outdated translations (English changed since) are warnings, so authors can ship a fix in
 * English before translators catch up; everything else is an error.
 *
 * The rules live by idea beside it: timing (`package-timing-checks.ts`), a session's structure
 * (`package-structure-checks.ts`), the texts of each language (`package-text-checks.ts`), the
 * language and translation checks (`package-translation-checks.ts`) and the questionnaire
 * (`validate-questionnaire.ts`). Errors come out file by file in the order of the package.
 */
export function validateCoursePackage(raw: RawPackage): Validation {
	const errors = [...raw.readErrors];
	const warnings: string[] = [];
	const report: SessionReport[] = [];

	const course = courseSchema.safeParse(raw.course);
	if (!course.success) {
		return { errors: [...errors, ...schemaIssues('course.yaml', course.error)], warnings, report };
	}
	const c = course.data;
	if (!c.literature[0]?.primary) {
		errors.push('course.yaml: the first literature entry must be the primary text');
	}

	let glossary: Glossary | undefined;
	if (raw.glossary !== undefined) {
		const g = glossarySchema.safeParse(raw.glossary);
		if (g.success) glossary = g.data;
		else errors.push(...schemaIssues('glossary.yaml', g.error));
	}
	const { checkLanguage, checkAgainstSource, checkTranslation } = translationChecks({
		sourceLocale: c.sourceLocale,
		glossary,
		terms: raw.terms,
		errors,
		warnings
	});

	const text: Record<string, CourseText> = {};
	for (const l of c.locales) {
		const where = `course.${l}.yaml`;
		if (raw.courseText[l] === undefined) continue;
		const parsed = courseTextSchema.safeParse(raw.courseText[l]);
		if (!parsed.success) {
			errors.push(...schemaIssues(where, parsed.error));
			continue;
		}
		errors.push(...checkCourseText(where, parsed.data, c.sessions.length));
		checkTranslation(where, l, parsed.data, raw.sourceHashes.course);
		checkLanguage(where, l, parsed.data);
		text[l] = parsed.data;
	}
	for (const l of c.locales) {
		if (text[l]) checkAgainstSource(`course.${l}.yaml`, l, text[c.sourceLocale], text[l]);
	}

	const sessions: CoursePackage['sessions'] = [];
	for (const s of raw.sessions) {
		const where = `sessions/${s.folder}/session.yaml`;
		const parsed = sessionSchema.safeParse(s.structure);
		if (!parsed.success) {
			errors.push(...schemaIssues(where, parsed.error));
			continue;
		}
		const st = parsed.data;
		const total = agendaMinutes(st);
		const templates = s.visuals ?? {};
		errors.push(...checkSessionStructure(where, s.folder, st, templates, c.sessionMinutes));

		const sessionText: Record<string, SessionText> = {};
		for (const l of c.locales) {
			const twhere = `sessions/${s.folder}/${l}.yaml`;
			if (s.text[l] === undefined) continue;
			const tp = sessionTextSchema.safeParse(s.text[l]);
			if (!tp.success) {
				errors.push(...schemaIssues(twhere, tp.error));
				report.push({
					session: s.folder,
					locale: l,
					minutes: total,
					activities: 0,
					participantWords: 0,
					facilitatorWords: 0,
					translation: 'missing',
					outdated: false
				});
				continue;
			}
			const t = tp.data;
			const status = checkTranslation(twhere, l, t, raw.sourceHashes[s.folder]);
			checkLanguage(twhere, l, t);
			errors.push(...checkSessionText(twhere, st, t, templates));
			const hashed = raw.sourceHashes[s.folder];
			const declared = (t.translation?.sourceHash ?? hashed) as string;
			report.push({
				session: s.folder,
				locale: l,
				minutes: total,
				activities: st.blocks.filter((b) => b.activity).length,
				...sessionWordCounts(st, t),
				translation: status,
				outdated: l !== c.sourceLocale && declared !== hashed
			});
			sessionText[l] = t;
		}
		for (const l of c.locales) {
			if (sessionText[l]) {
				checkAgainstSource(
					`sessions/${s.folder}/${l}.yaml`,
					l,
					sessionText[c.sourceLocale],
					sessionText[l]
				);
			}
		}
		sessions.push({ folder: s.folder, structure: st, text: sessionText, visuals: templates });
	}
	const evaluation = raw.evaluation
		? validateQuestionnaire(raw.evaluation, c.locales, raw.terms, errors)
		: undefined;
	const pkg =
		errors.length === 0
			? { course: c, text, sessions, sourceHashes: raw.sourceHashes, evaluation }
			: undefined;
	return { errors, warnings, report, pkg };
}
