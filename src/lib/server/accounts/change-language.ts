import type { Db } from '../db/client.ts';
import { asLocale } from '../i18n/locale.ts';
import { setUserLocale } from './users.queries.ts';

/**
 * A signed-in person's language choice is kept on their account too, so emails and the next
 * device follow it; an unknown locale falls back to the default.
 */
export async function changeLanguage(db: Db, userId: string, locale: string) {
	await setUserLocale(db, userId, asLocale(locale));
}
