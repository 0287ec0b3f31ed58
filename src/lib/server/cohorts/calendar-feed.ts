import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { calendarFeeds, cohortFacilitators, enrolments, users } from '../db/schema/index.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { calendarFeed, type CalendarSession } from '../calendar/ics.ts';
import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../i18n/locale.ts';
import { loadCohortContext } from './cohort-context.ts';
import { calendarSession } from './cohort-emails.ts';

/**
 * A private, revocable feed URL per person. Creating a new one revokes the old one, so a
 * leaked link can be shut off by pressing the button again.
 */
export async function renewCalendarFeed(db: Db, cfg: Config, userId: string) {
	const token = newToken();
	await db.transaction(async (tx) => {
		await tx
			.update(calendarFeeds)
			.set({ revokedAt: new Date() })
			.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
		await tx.insert(calendarFeeds).values({ userId, tokenHash: hashToken(token) });
	});
	return `${cfg.origin}/calendar/${token}.ics`;
}

export async function revokeCalendarFeed(db: Db, userId: string) {
	await db
		.update(calendarFeeds)
		.set({ revokedAt: new Date() })
		.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
}

export async function hasCalendarFeed(db: Db, userId: string) {
	const [row] = await db
		.select({ id: calendarFeeds.id })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
	return !!row;
}

/** The feed's contents: every session of every cohort the person is in or facilitates. */
export async function calendarFeedFor(db: Db, cfg: Config, token: string) {
	if (token.length > 200) return undefined;
	const [feed] = await db
		.select({ userId: calendarFeeds.userId, locale: users.locale })
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
	if (!feed) return undefined;
	const mine = await db
		.select({ cohortId: enrolments.cohortId })
		.from(enrolments)
		.where(and(eq(enrolments.userId, feed.userId), inArray(enrolments.status, ['enrolled'])));
	const leading = await db
		.select({ cohortId: cohortFacilitators.cohortId })
		.from(cohortFacilitators)
		.where(eq(cohortFacilitators.userId, feed.userId));
	const ids = [...new Set([...mine, ...leading].map((r) => r.cohortId))];
	const locale = asLocale(feed.locale);
	const events: CalendarSession[] = [];
	for (const id of ids) {
		const ctx = (await loadCohortContext(db, id))!;
		for (const s of ctx.sessions) events.push(calendarSession(ctx, s, locale, cfg.origin));
	}
	return calendarFeed(events, { name: m.calendar_feed_name({}, { locale }) });
}
