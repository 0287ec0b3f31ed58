import type { Db } from '../db/client.ts';
import { formatDate } from '#lib/i18n/format.ts';
import { findCrisisProcedure } from './crisis-procedures.queries.ts';

export type CrisisProcedureView = {
	whoToCall: string;
	whatToDo: string;
	afterwards: string;
	updatedOn: string;
} | null;

/**
 * The organisation's crisis procedure for a facilitator page (the guides, the console, the run
 * sheet), or null when no admin has filled it in yet: the pages then say so and point to the
 * admin page, rather than leaving facilitators to assume there is none.
 */
export async function crisisProcedureFor(
	db: Db,
	organisationId: string,
	locale: string,
	timeZone = 'UTC'
): Promise<CrisisProcedureView> {
	const row = await findCrisisProcedure(db, organisationId);
	if (!row) return null;
	return {
		whoToCall: row.whoToCall,
		whatToDo: row.whatToDo,
		afterwards: row.afterwards,
		updatedOn: formatDate(row.updatedAt, locale, timeZone)
	};
}
