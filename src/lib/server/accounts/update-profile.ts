import type { Db } from '../db/client.ts';
import { updateUserProfile } from './users.queries.ts';

/**
 * A person changes their own name, language, time zone, pronouns and country (already
 * validated). The country is optional and only decides which crisis lines they see.
 */
export async function updateProfile(
	db: Db,
	userId: string,
	p: {
		name: string;
		locale: string;
		timeZone: string;
		pronouns: string | null;
		country: string | null;
	}
) {
	await updateUserProfile(db, userId, p);
}
