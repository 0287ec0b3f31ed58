import { visualPlaceholders } from './course-visuals.ts';
import type { CourseText, SessionStructure, SessionText } from './course-package.schema.ts';

const words = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean).length : 0);

/** A course text in one language has a topic per session and the mixed-groups guidance. */
export function checkCourseText(where: string, t: CourseText, sessionCount: number): string[] {
	const errors: string[] = [];
	if (t.topics.length !== sessionCount) {
		errors.push(`${where}: topics must list one topic per session`);
	}
	if (!t.mixedGroups) {
		errors.push(
			`${where}: mixedGroups is missing (guidance for groups of professionals, peers and family members)`
		);
	}
	return errors;
}

/**
 * A session's text in one language covers its structure exactly: every block's text with a
 * content note where the block has one, a label for every poll option, card and column, the
 * handout's key ideas, the words of every drawing, and every case a block opens; and no text
 * for blocks or drawings the session does not have.
 */
export function checkSessionText(
	where: string,
	st: SessionStructure,
	t: SessionText,
	templates: Record<string, string>
): string[] {
	const errors: string[] = [];
	for (const b of st.blocks) {
		const bt = t.blocks[b.id];
		const at = `${where}: block "${b.id}"`;
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
	}
	const ids = new Set(st.blocks.map((b) => b.id));
	for (const k of Object.keys(t.blocks)) {
		if (!ids.has(k)) errors.push(`${where}: text for unknown block "${k}"`);
	}
	if (!t.keyIdeas) errors.push(`${where}: keyIdeas is missing (the handout's key ideas)`);
	for (const [vid, template] of Object.entries(templates)) {
		const vt = t.visuals?.[vid];
		if (!vt) {
			errors.push(`${where}: visual "${vid}" has no text (title, description, labels)`);
			continue;
		}
		for (const key of visualPlaceholders(template)) {
			if (!vt.labels[key]) errors.push(`${where}: visual "${vid}" has no label "${key}"`);
		}
	}
	for (const vid of Object.keys(t.visuals ?? {})) {
		if (!templates[vid]) errors.push(`${where}: text for unknown visual "${vid}"`);
	}
	for (const b of st.blocks) {
		if (b.case && !t.cases?.[b.case]) {
			errors.push(`${where}: block "${b.id}" opens case "${b.case}", which has no text`);
		}
	}
	return errors;
}

/** The words participants read and facilitators follow in a session, for the report. */
export function sessionWordCounts(st: SessionStructure, t: SessionText) {
	let participantWords =
		words(t.whatToExpect) +
		words(t.between.reading) +
		words(t.between.reflection) +
		words(t.between.task);
	let facilitatorWords = 0;
	for (const b of st.blocks) {
		const bt = t.blocks[b.id];
		if (!bt) continue;
		participantWords += words(bt.participant) + words(bt.activity?.prompt);
		facilitatorWords +=
			words(bt.facilitator.do) +
			words(bt.facilitator.timing) +
			words(bt.facilitator.disclosure) +
			words(bt.facilitator.coFacilitation);
	}
	return { participantWords, facilitatorWords };
}
