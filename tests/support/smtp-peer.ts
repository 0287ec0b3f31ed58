import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** A real SMTP server on 127.0.0.1 that keeps what it receives, for tests. */
export async function startSmtpPeer(port = 0) {
	const received: ParsedMail[] = [];
	const waiters: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					received.push(mail);
					waiters.splice(0).forEach((w) => w());
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actualPort = (server.server.address() as AddressInfo).port;
	return {
		port: actualPort,
		url: `smtp://127.0.0.1:${actualPort}`,
		received,
		/** Resolves with the newest message to `to`, waiting up to `ms`. */
		async waitFor(to: string, ms = 5000): Promise<ParsedMail> {
			const deadline = Date.now() + ms;
			for (;;) {
				const hit = [...received].reverse().find((m) => m.to && JSON.stringify(m.to).includes(to));
				if (hit) return hit;
				if (Date.now() > deadline) throw new Error(`no email to ${to} within ${ms} ms`);
				await new Promise<void>((r) => {
					waiters.push(r);
					setTimeout(r, 100);
				});
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
