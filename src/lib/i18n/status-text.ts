import * as m from '#lib/paraglide/messages.js';

export function statusText(status: string): string {
	if (status === 'sent') return m.status_sent();
	if (status === 'queued') return m.status_queued();
	if (status === 'failed') return m.status_failed();
	if (status === 'sending') return m.status_sending();
	return m.status_stored();
}
