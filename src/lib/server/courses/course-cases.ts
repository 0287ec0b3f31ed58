import type { SessionStructure, SessionText } from './course-package.schema.ts';
import { md } from './course-view.ts';

export type CaseSheet = { id: string; title: string; sheetHtml: string; notesHtml: string };

/**
 * A fictional case of a session, as HTML, when a block of that session opens it: a case the
 * session's agenda does not use is not served, so a URL cannot reach text outside the session.
 * Versions imported before cases existed have none.
 */
export function caseSheet(
	structure: SessionStructure,
	text: SessionText,
	caseId: string | undefined
): CaseSheet | null {
	if (!caseId || !structure.blocks.some((b) => b.case === caseId)) return null;
	const c = text.cases?.[caseId];
	if (!c) return null;
	return { id: caseId, title: c.title, sheetHtml: md(c.sheet), notesHtml: md(c.notes) };
}
