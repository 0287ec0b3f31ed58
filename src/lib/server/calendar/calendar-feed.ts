import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import {
	findOpenCalendarFeed,
	hasOpenCalendarFeed,
	insertCalendarFeed,
	listCalendarCohortIds,
	revokeCalendarFeeds
} from './calendar-feeds.queries.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { calendarFeed, type CalendarSession } from './ics.ts';
import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../i18n/locale.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { calendarSession } from './calendar-session.ts';

/**
 * A private, revocable feed URL per person. Creating a new one revokes the old one, so a
 * leaked link can be shut off by pressing the button again.
 */
export async function renewCalendarFeed(db: Db, cfg: Config, userId: string) {
	const token = newToken();
	await db.transaction(async (tx) => {
		await revokeCalendarFeeds(tx, userId, new Date());
		await insertCalendarFeed(tx, userId, hashToken(token));
	});
	return `${cfg.origin}/calendar/${token}.ics`;
}

export async function revokeCalendarFeed(db: Db, userId: string) {
	await revokeCalendarFeeds(db, userId, new Date());
}

export async function hasCalendarFeed(db: Db, userId: string) {
	return hasOpenCalendarFeed(db, userId);
}

/** The feed's contents: every session of every cohort the person is in or facilitates. */
export async function calendarFeedFor(db: Db, cfg: Config, token: string) {
	if (token.length > 200) return undefined;
	const feed = await findOpenCalendarFeed(db, hashToken(token));
	if (!feed) return undefined;
	const ids = await listCalendarCohortIds(db, feed.userId);
	const locale = asLocale(feed.locale);
	const events: CalendarSession[] = [];
	for (const id of ids) {
		const ctx = (await loadCohortContext(db, id))!;
		for (const s of ctx.sessions) events.push(calendarSession(ctx, s, locale, cfg.origin));
	}
	return calendarFeed(events, { name: m.calendar_feed_name({}, { locale }) });
}
