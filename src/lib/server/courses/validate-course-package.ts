import type { z } from 'zod';
import { checkStigmatisingTerms, checkTranslationAgainstSource } from './course-language.ts';
import { checkVisualTemplate, visualPlaceholders } from './course-visuals.ts';
import {
	courseSchema,
	courseTextSchema,
	glossarySchema,
	questionnaireSchema,
	questionnaireTextSchema,
	type Questionnaire,
	type QuestionnaireText,
	INTERACTIVE_KINDS,
	PERSONAL_KINDS,
	sessionSchema,
	sessionTextSchema,
	type CourseStructure,
	type CourseText,
	type Glossary,
	type SessionStructure,
	type SessionText
} from './course-package.schema.ts';
import type { RawPackage } from './load-course-package.ts';

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
 * Minutes a breakout block needs besides the breakout itself: a 2-minute briefing, and 2 each
 * to open and close the rooms, since people join and return at different speeds on a video
 * platform.
 */
const BREAKOUT_OVERHEAD_MINUTES = 6;

const words = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean).length : 0);

function issues(where: string, e: z.ZodError) {
	return e.issues.map((i) => `${where}: ${i.path.join('.') || '(root)'} ${i.message}`);
}

/**
 * Checks a course package against the rules a course author must meet: structure, agendas
 * that add up, a facilitator guide and activity for every block that needs one, passable
 * activities, content notes, person-first language (inflected forms included), complete
 * translations that follow the glossary and mark the same claims unverified as the source.
 * Outdated translations (English changed since) are warnings, so authors can ship a fix in
 * English before translators catch up; everything else is an error.
 */
export function validateCoursePackage(raw: RawPackage): Validation {
	const errors = [...raw.readErrors];
	const warnings: string[] = [];
	const report: SessionReport[] = [];

	const course = courseSchema.safeParse(raw.course);
	if (!course.success) {
		return { errors: [...errors, ...issues('course.yaml', course.error)], warnings, report };
	}
	const c = course.data;
	if (!c.literature[0]?.primary) {
		errors.push('course.yaml: the first literature entry must be the primary text');
	}

	let glossary: Glossary | undefined;
	if (raw.glossary !== undefined) {
		const g = glossarySchema.safeParse(raw.glossary);
		if (g.success) glossary = g.data;
		else errors.push(...issues('glossary.yaml', g.error));
	}
	const checkLanguage = (where: string, locale: string, value: unknown) => {
		errors.push(...checkStigmatisingTerms(where, raw.terms[locale] ?? [], value));
	};
	const checkAgainstSource = (where: string, locale: string, source: unknown, value: unknown) => {
		if (!glossary || locale === c.sourceLocale || source === undefined) return;
		errors.push(
			...checkTranslationAgainstSource({
				where,
				glossary,
				sourceLocale: c.sourceLocale,
				locale,
				source,
				translation: value
			})
		);
	};
	const checkTranslation = (
		where: string,
		locale: string,
		value: unknown,
		sourceHash: string | undefined
	) => {
		if (locale === c.sourceLocale) return 'source' as const;
		const t = (value as { translation?: { status?: string; sourceHash?: string } } | undefined)
			?.translation;
		if (!t?.status) {
			errors.push(`${where}: a translated file needs a translation: { status, sourceHash } header`);
			return 'draft' as const;
		}
		if (sourceHash && t.sourceHash !== sourceHash) {
			warnings.push(
				`${where}: outdated translation — the English source changed since it was translated (${t.sourceHash} → ${sourceHash})`
			);
		}
		return t.status as 'draft' | 'reviewed';
	};

	const text: Record<string, CourseText> = {};
	for (const l of c.locales) {
		const where = `course.${l}.yaml`;
		if (raw.courseText[l] === undefined) continue;
		const parsed = courseTextSchema.safeParse(raw.courseText[l]);
		if (!parsed.success) {
			errors.push(...issues(where, parsed.error));
			continue;
		}
		if (parsed.data.topics.length !== c.sessions.length) {
			errors.push(`${where}: topics must list one topic per session`);
		}
		if (!parsed.data.mixedGroups) {
			errors.push(
				`${where}: mixedGroups is missing (guidance for groups of professionals, peers and family members)`
			);
		}
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
			errors.push(...issues(where, parsed.error));
			continue;
		}
		const st = parsed.data;
		const total = st.blocks.reduce((n, b) => n + b.minutes, 0);
		if (st.minutes !== c.sessionMinutes) {
			errors.push(`${where}: minutes is ${st.minutes}, the course says ${c.sessionMinutes}`);
		}
		if (total !== st.minutes) {
			errors.push(`${where}: the agenda adds up to ${total} minutes, not ${st.minutes}`);
		}
		const templates = s.visuals ?? {};
		for (const [vid, template] of Object.entries(templates)) {
			for (const e of checkVisualTemplate(template)) {
				errors.push(`sessions/${s.folder}/visuals/${vid}.svg ${e}`);
			}
		}
		const ids = new Set<string>();
		for (const b of st.blocks) {
			const at = `${where}: block "${b.id}"`;
			if (!b.lead) errors.push(`${at} has no lead (first, second or both) for the run sheet`);
			if (b.visual && !templates[b.visual]) {
				errors.push(`${at}: visual "${b.visual}" has no file visuals/${b.visual}.svg`);
			}
			if (ids.has(b.id)) errors.push(`${at} appears twice`);
			ids.add(b.id);
			if (INTERACTIVE_KINDS.has(b.kind) && !b.activity) {
				errors.push(`${at} is ${b.kind} but has no activity definition`);
			}
			if (b.activity && b.activity.passable !== true) {
				errors.push(`${at}: every activity must be passable (passable: true)`);
			}
			if (b.activity?.type === 'breakout' && b.activity.minutes > b.minutes) {
				errors.push(`${at}: the breakout is longer than the block`);
			} else if (
				b.activity?.type === 'breakout' &&
				b.minutes - b.activity.minutes < BREAKOUT_OVERHEAD_MINUTES
			) {
				errors.push(
					`${at}: the block leaves ${b.minutes - b.activity.minutes} minutes around its ${b.activity.minutes}-minute breakout; it needs ${BREAKOUT_OVERHEAD_MINUTES} (a briefing, and 2–3 minutes each to open and close the rooms)`
				);
			}
			if (b.activity?.type === 'check-in' && b.activity.mode === 'scale' && !b.activity.scaleMax) {
				errors.push(`${at}: a scale check-in needs scaleMax`);
			}
			if (PERSONAL_KINDS.has(b.kind) && !b.contentNote) {
				errors.push(
					`${at} is ${b.kind}, which asks about people's own lives: it needs contentNote: true`
				);
			}
		}
		if (st.number === 1) {
			const firstTwo = st.blocks.slice(0, 2).map((b) => b.kind);
			if (!firstTwo.includes('agreements')) {
				errors.push(`${where}: session 1 must open with the session agreements`);
			}
		} else if (!st.blocks.some((b) => b.recallAgreements)) {
			errors.push(
				`${where}: sessions after the first must recall the agreements (recallAgreements: true on a block)`
			);
		}

		const sessionText: Record<string, SessionText> = {};
		for (const l of c.locales) {
			const twhere = `sessions/${s.folder}/${l}.yaml`;
			if (s.text[l] === undefined) continue;
			const tp = sessionTextSchema.safeParse(s.text[l]);
			if (!tp.success) {
				errors.push(...issues(twhere, tp.error));
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
			let participantWords =
				words(t.whatToExpect) +
				words(t.between.reading) +
				words(t.between.reflection) +
				words(t.between.task);
			let facilitatorWords = 0;
			for (const b of st.blocks) {
				const bt = t.blocks[b.id];
				const at = `${twhere}: block "${b.id}"`;
				if (!bt) {
					errors.push(`${at} has no text (title, aim, participant text and facilitator guide)`);
					continue;
				}
				if (b.contentNote && !bt.contentNote) {
					errors.push(`${at} touches personal experience but has no contentNote text`);
				}
				if (b.activity) {
					const a = b.activity;
					if (a.type === 'poll') {
						for (const o of a.options) {
							if (!bt.activity?.options?.[o]) errors.push(`${at}: poll option "${o}" has no label`);
						}
					}
					if (a.type === 'strengths-cards') {
						for (const o of a.deck) {
							if (!bt.activity?.cards?.[o]) errors.push(`${at}: card "${o}" has no label`);
						}
					}
					if (a.type === 'board') {
						for (const o of a.columns) {
							if (!bt.activity?.columns?.[o]) errors.push(`${at}: column "${o}" has no label`);
						}
					}
				}
				participantWords += words(bt.participant) + words(bt.activity?.prompt);
				facilitatorWords +=
					words(bt.facilitator.do) +
					words(bt.facilitator.timing) +
					words(bt.facilitator.disclosure) +
					words(bt.facilitator.coFacilitation);
			}
			for (const k of Object.keys(t.blocks)) {
				if (!ids.has(k)) errors.push(`${twhere}: text for unknown block "${k}"`);
			}
			if (!t.keyIdeas) errors.push(`${twhere}: keyIdeas is missing (the handout's key ideas)`);
			for (const [vid, template] of Object.entries(templates)) {
				const vt = t.visuals?.[vid];
				if (!vt) {
					errors.push(`${twhere}: visual "${vid}" has no text (title, description, labels)`);
					continue;
				}
				for (const key of visualPlaceholders(template)) {
					if (!vt.labels[key]) errors.push(`${twhere}: visual "${vid}" has no label "${key}"`);
				}
			}
			for (const vid of Object.keys(t.visuals ?? {})) {
				if (!templates[vid]) errors.push(`${twhere}: text for unknown visual "${vid}"`);
			}
			for (const b of st.blocks) {
				if (b.case && !t.cases?.[b.case]) {
					errors.push(`${twhere}: block "${b.id}" opens case "${b.case}", which has no text`);
				}
			}
			const hashed = raw.sourceHashes[s.folder];
			const declared = (t.translation?.sourceHash ?? hashed) as string;
			report.push({
				session: s.folder,
				locale: l,
				minutes: total,
				activities: st.blocks.filter((b) => b.activity).length,
				participantWords,
				facilitatorWords,
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

/**
 * The questionnaire's rules: a knowledge item states a correct option that exists, there are
 * exactly two open questions, ids are unique, and every language has the text of every item
 * and option (and nothing else), in person-first language.
 */
function validateQuestionnaire(
	raw: NonNullable<RawPackage['evaluation']>,
	locales: string[],
	terms: Record<string, string[]>,
	errors: string[]
): CoursePackage['evaluation'] {
	const where = 'evaluation/questionnaire.yaml';
	const q = questionnaireSchema.safeParse(raw.structure);
	if (!q.success) {
		errors.push(...issues(where, q.error));
		return undefined;
	}
	const ids = new Set<string>();
	for (const item of q.data.items) {
		if (ids.has(item.id)) errors.push(`${where}: item "${item.id}" appears twice`);
		ids.add(item.id);
		if (item.kind === 'knowledge' && !item.options.includes(item.correct)) {
			errors.push(`${where}: item "${item.id}" states a correct option it does not have`);
		}
	}
	if (q.data.items.filter((i) => i.kind === 'open').length !== 2) {
		errors.push(`${where}: the questionnaire has exactly two open questions`);
	}
	if (!q.data.items.some((i) => i.kind === 'knowledge')) {
		errors.push(`${where}: the questionnaire needs a knowledge part`);
	}
	const text: Record<string, QuestionnaireText> = {};
	for (const l of locales) {
		const twhere = `evaluation/${l}.yaml`;
		const t = questionnaireTextSchema.safeParse(raw.text[l]);
		if (!t.success) {
			errors.push(...issues(twhere, t.error));
			continue;
		}
		for (const item of q.data.items) {
			const it = t.data.items[item.id];
			if (!it) {
				errors.push(`${twhere}: no text for item "${item.id}"`);
				continue;
			}
			const wanted = item.kind === 'knowledge' ? item.options : [];
			const given = Object.keys(it.options ?? {});
			for (const o of wanted) {
				if (!given.includes(o)) {
					errors.push(`${twhere}: item "${item.id}" has no text for option "${o}"`);
				}
			}
			for (const o of given) {
				if (!wanted.includes(o)) {
					errors.push(`${twhere}: item "${item.id}" has text for unknown option "${o}"`);
				}
			}
		}
		for (const k of Object.keys(t.data.items)) {
			if (!ids.has(k)) errors.push(`${twhere}: text for unknown item "${k}"`);
		}
		errors.push(...checkStigmatisingTerms(twhere, terms[l] ?? [], t.data));
		text[l] = t.data;
	}
	return { structure: q.data, text };
}
