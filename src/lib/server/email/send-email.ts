import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { log } from '../log.ts';
import { insertEmail, markEmail } from './outbox.queries.ts';

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
};

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
	let t = transports.get(url);
	if (!t) {
		t = nodemailer.createTransport(url);
		transports.set(url, t);
	}
	return t;
}

/**
 * Records the message in the outbox, then delivers it by SMTP when SMTP_URL is set.
 * Without SMTP the outbox is the delivery: admins read messages in the app.
 * A delivery failure is recorded on the outbox row and logged, never thrown at the person
 * who triggered it (they get the same answer whether or not mail went out).
 */
export async function sendEmail(db: Db, cfg: Config, msg: EmailMessage): Promise<string> {
	const smtp = cfg.SMTP_URL;
	const id = await insertEmail(db, {
		toAddress: msg.to,
		subject: msg.subject,
		textBody: msg.text,
		htmlBody: msg.html,
		kind: msg.kind,
		locale: msg.locale,
		attachments: msg.attachments ?? null,
		cohortId: msg.cohortId ?? null,
		status: smtp ? 'queued' : 'stored'
	});
	if (!smtp) {
		log.info({ emailId: id, kind: msg.kind }, 'email stored in the outbox');
		return id;
	}
	try {
		await transportFor(smtp).sendMail({
			from: cfg.MAIL_FROM,
			to: msg.to,
			subject: msg.subject,
			text: msg.text,
			html: msg.html,
			attachments: msg.attachments
		});
		await markEmail(db, id, { status: 'sent' });
	} catch (e) {
		log.error({ emailId: id, err: (e as Error).message }, 'email delivery failed');
		await markEmail(db, id, { status: 'failed', error: (e as Error).message.slice(0, 500) });
	}
	return id;
}

export function closeTransports() {
	for (const t of transports.values()) t.close();
	transports.clear();
}
