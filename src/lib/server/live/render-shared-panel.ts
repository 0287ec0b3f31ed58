import { deflateRawSync } from 'node:zlib';
import { render } from 'svelte/server';
import LiveShared from '#lib/components/live-shared.svelte';
import type { Db } from '../db/client.ts';
import { asLocale } from '../i18n/locale.ts';
import { withLocale } from '../i18n/with-locale.ts';
import type { LiveSubject } from './live-access.ts';
import { liveView } from './live-view.ts';

/**
 * The part of a session's participant panel that is the same for everyone who reads it in
 * `subject.locale` and `timeZone`, as it is now: compressed (raw DEFLATE, which browsers
 * undo with DecompressionStream) and in base64, ready to be one event-stream line. Null when
 * the panel now holds something that differs per person (a breakout names each person's
 * own group): then every participant fetches the page instead.
 *
 * Rendered without a viewer, as a participant who has not answered: results only once
 * revealed, the answer form without a client id. The room's script fills in the person's
 * own state (ADR 025).
 */
export async function renderSharedPanel(db: Db, subject: LiveSubject, timeZone: string) {
	const view = await liveView(db, {
		...subject,
		enrolmentId: null,
		facilitator: false,
		snapshot: false
	});
	if (view.breakout) return null;
	const html = withLocale(
		asLocale(subject.locale),
		() =>
			render(LiveShared, {
				props: { view, sessionId: subject.sessionId, timeZone, participant: true, personal: null }
			}).body
	);
	return deflateRawSync(html).toString('base64');
}
