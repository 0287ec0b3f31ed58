import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { log } from '../log.ts';
import { insertEmail, notifyEmailQueued } from './outbox.queries.ts';
import { escapeHtml } from './templates/layout.ts';

export type EmailMessage = {
	to: string;
	subject: string;
	text: string;
	html: string;
	kind: string;
	locale: string;
	attachments?: { filename: string; content: string; contentType: string }[];
	/** Lets the cohort page list the emails sent about that cohort. */
	cohortId?: string;
	/**
	 * A link in the message that acts for the recipient (signs them in, resets their password,
	 * accepts an invitation). `viewer` may read it in the outbox (the inviter); nobody else.
	 */
	secret?: { url: string; viewer?: string | null };
};

/** Stands in the stored bodies for a secret link; delivery puts the link back. */
export const SECRET_LINK = '[[personal-link]]';

/**
 * Writes an email into the outbox as part of the caller's transaction: it exists if and only
 * if the change that causes it commits, and a worker delivers it afterwards
 * (deliver-emails.ts) with retries. Nothing is sent during the request.
 *
 * Without SMTP_URL the outbox is the delivery ("stored"). There, outside production (the
 * zero-setup demo), links stay readable so admins can pass them on; with SMTP or in
 * production a link that acts for the recipient is never stored in the bodies, and is kept
 * beside them only until delivery (or for the inviter who may read it).
 */
export async function enqueueEmail(q: DbOrTx, cfg: Config, msg: EmailMessage): Promise<string> {
	const smtp = !!cfg.SMTP_URL;
	let { text, html } = msg;
	let secretUrl: string | null = null;
	let secretViewer: string | null = null;
	if (msg.secret && (smtp || cfg.NODE_ENV === 'production')) {
		const url = msg.secret.url;
		text = text.split(url).join(SECRET_LINK);
		html = html.split(escapeHtml(url)).join(SECRET_LINK).split(url).join(SECRET_LINK);
		secretViewer = msg.secret.viewer ?? null;
		// Undeliverable (no SMTP) and nobody may read it: it is not kept at all.
		secretUrl = smtp || secretViewer ? url : null;
	}
	const id = await insertEmail(q, {
		toAddress: msg.to,
		subject: msg.subject,
		textBody: text,
		htmlBody: html,
		kind: msg.kind,
		locale: msg.locale,
		attachments: msg.attachments ?? null,
		cohortId: msg.cohortId ?? null,
		secretUrl,
		secretViewer,
		status: smtp ? 'queued' : 'stored'
	});
	if (smtp) await notifyEmailQueued(q);
	else log.info({ emailId: id, kind: msg.kind }, 'email stored in the outbox');
	return id;
}

/** The stored body with its secret link put back, for delivery or for the one who may read it. */
export function withSecret(body: string, secretUrl: string | null, html: boolean) {
	if (!secretUrl) return body;
	return body.split(SECRET_LINK).join(html ? escapeHtml(secretUrl) : secretUrl);
}
