import type { Db } from '../db/client.ts';
import { updateUserProfile } from './users.queries.ts';

/** A person changes their own name, language, time zone and pronouns (already validated). */
export async function updateProfile(
	db: Db,
	userId: string,
	p: { name: string; locale: string; timeZone: string; pronouns: string | null }
) {
	await updateUserProfile(db, userId, p);
}
