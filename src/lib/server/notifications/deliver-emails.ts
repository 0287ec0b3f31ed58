import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { log } from '../log.ts';
import { withSecret } from './enqueue-email.ts';
import { claimDueEmails, markEmailFailed, markEmailSent } from './outbox.queries.ts';

/* A claim lasts longer than any one SMTP exchange (nodemailer gives up after 2 minutes). */
const CLAIM_MS = 5 * 60_000;
const BATCH = 10;
/** Tries per message before it is marked failed: about 30 s, 1, 2, 4 and 8 minutes apart. */
export const MAX_ATTEMPTS = 6;

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
	let t = transports.get(url);
	if (!t) {
		t = nodemailer.createTransport(url);
		transports.set(url, t);
	}
	return t;
}

export function closeTransports() {
	for (const t of transports.values()) t.close();
	transports.clear();
}

/**
 * Delivers every due email in the outbox by SMTP and returns how many went out. Rows are
 * claimed in small batches (several workers, on several instances, share the work without
 * overlap), sent, and marked sent; a failure is retried with backoff up to MAX_ATTEMPTS.
 *
 * A message whose change committed is sent even if the process died before delivery: it is
 * still queued. A message is handed to SMTP once per claim; only a worker that dies after the
 * server accepted a message and before marking it sent leaves a claim that runs out and is
 * sent again, and then with the same Message-ID, which mail clients treat as one message.
 */
export async function deliverDueEmails(
	db: Db,
	cfg: Config,
	opts: { now?: () => Date } = {}
): Promise<number> {
	const smtp = cfg.SMTP_URL;
	if (!smtp) return 0;
	const now = opts.now ?? (() => new Date());
	const domain = /@([^>\s]+)/.exec(cfg.MAIL_FROM)?.[1] ?? 'trellis.invalid';
	let sent = 0;
	for (;;) {
		const batch = await claimDueEmails(db, now(), CLAIM_MS, BATCH);
		if (!batch.length) return sent;
		for (const row of batch) {
			try {
				await transportFor(smtp).sendMail({
					from: cfg.MAIL_FROM,
					to: row.toAddress,
					subject: row.subject,
					messageId: `<${row.id}@${domain}>`,
					text: withSecret(row.textBody, row.secretUrl, false),
					html: row.htmlBody ? withSecret(row.htmlBody, row.secretUrl, true) : undefined,
					attachments: row.attachments ?? undefined
				});
				await markEmailSent(db, row.id, now());
				sent++;
			} catch (e) {
				const error = (e as Error).message.slice(0, 500);
				const retry =
					row.attempts < MAX_ATTEMPTS
						? new Date(now().getTime() + 30_000 * 2 ** (row.attempts - 1))
						: null;
				log.error({ emailId: row.id, attempt: row.attempts, err: error }, 'email delivery failed');
				await markEmailFailed(db, row.id, error, retry);
			}
		}
	}
}
