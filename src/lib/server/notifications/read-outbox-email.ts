import * as m from '#lib/paraglide/messages.js';
import type { Db } from '../db/client.ts';
import { asLocale } from '../i18n/locale.ts';
import { SECRET_LINK, withSecret } from './enqueue-email.ts';
import { findEmail } from './outbox.queries.ts';

/**
 * One outbox email as an admin may read it: a link that acts for the recipient is shown only
 * to the admin who created it (an invitation they may pass on by hand); everyone else sees a
 * note in its place. The stored secret itself never leaves this function.
 */
export async function readOutboxEmail(db: Db, id: string, viewer: { id: string; locale: string }) {
	const row = await findEmail(db, id);
	if (!row) return undefined;
	const { secretUrl, secretViewer, ...email } = row;
	const mine = !!secretUrl && secretViewer === viewer.id;
	const textBody = mine
		? withSecret(row.textBody, secretUrl, false)
		: row.textBody
				.split(SECRET_LINK)
				.join(m.outbox_link_hidden({ to: row.toAddress }, { locale: asLocale(viewer.locale) }));
	return { ...email, textBody };
}
