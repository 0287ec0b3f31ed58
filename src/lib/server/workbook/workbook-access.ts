import { error } from '@sveltejs/kit';
import * as m from '#lib/paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { cohortAccess } from '../cohorts/cohort-access.ts';

/**
 * The owner's side of the workbook: only someone with a place in the cohort has one. Anyone
 * else (a facilitator, an admin, a stranger) gets a 404 for its pages, whatever they try.
 */
export async function requireOwnWorkbook(db: Db, locals: App.Locals, cohortId: string) {
	const a = await cohortAccess(db, locals, cohortId);
	if (!a.enrolment) error(404, m.error_not_found());
	return { ...a, enrolment: a.enrolment };
}
