import type { EmailMessage } from '../enqueue-email.ts';

export function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

/* A plain, readable message with one link: large enough to tap, legible in any client. */
function layout(p: { lang: string; lines: string[]; action: string; url: string; footer: string }) {
	const body = p.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
	return (
		`<!doctype html><html lang="${p.lang}"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">` +
		`${body}<p><a href="${escapeHtml(p.url)}" style="display:inline-block;padding:12px 20px;background:#1d4f3a;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(p.action)}</a></p>` +
		`<p style="font-size:14px;color:#555">${escapeHtml(p.footer)}</p></body></html>`
	);
}

export function message(
	kind: string,
	to: string,
	locale: string,
	subject: string,
	lines: string[],
	action: string,
	url: string,
	footer: string
): EmailMessage {
	const text = `${lines.join('\n\n')}\n\n${action}: ${url}\n\n${footer}\n`;
	return {
		kind,
		to,
		locale,
		subject,
		text,
		html: layout({ lang: locale, lines, action, url, footer })
	};
}
