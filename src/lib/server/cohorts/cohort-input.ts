import { z } from 'zod';
import { requiredText } from '#lib/forms/fields.ts';
import { locales } from '../i18n/locale.ts';
import { isTimeZone, zonedToUtc } from '#lib/time/zoned.ts';

export const SESSION_COUNT = 4;
export const CAPACITY_MAX = 40;
const DAY = 86_400_000;

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true');

const video = z.enum(['none', 'jitsi', 'bbb', 'link'], { error: 'error_video_kind' });
const httpsUrl = z
	.string()
	.trim()
	.max(500, 'error_too_long:500')
	.optional()
	.transform((v) => (v ? v : null))
	.refine((v) => v === null || /^https:\/\/[^\s<>"']+$/.test(v), 'error_https_url');
const room = z
	.string()
	.trim()
	.max(64, 'error_too_long:64')
	.optional()
	.transform((v) => (v ? v : null))
	.refine((v) => v === null || /^[A-Za-z0-9_-]{3,64}$/.test(v), 'error_room');
const secret = z
	.string()
	.trim()
	.max(200, 'error_too_long:200')
	.optional()
	.transform((v) => (v ? v : null));

export type SessionVideo = {
	videoKind: 'none' | 'jitsi' | 'bbb' | 'link';
	videoUrl: string | null;
	videoRoom: string | null;
	videoSecret: string | null;
};

const optionalWhen = z.string().trim().max(20).optional().default('');
const sessionShape = Object.fromEntries(
	Array.from({ length: SESSION_COUNT }, (_, i) => i + 1).flatMap((n) => [
		// Session 1 is required; an empty later session follows a week after the one before.
		[
			`s${n}_date`,
			n === 1 ? z.string({ error: 'error_required' }).trim().min(1, 'error_required') : optionalWhen
		],
		[
			`s${n}_time`,
			n === 1 ? z.string({ error: 'error_required' }).trim().min(1, 'error_required') : optionalWhen
		],
		// A session uses the group's video room unless it names its own.
		[`s${n}_own`, checkbox],
		[`s${n}_video`, video.default('none')],
		[`s${n}_url`, httpsUrl],
		[`s${n}_room`, room],
		[`s${n}_secret`, secret],
		[`s${n}_required`, checkbox]
	])
);

/** The calendar date a week after `date` (YYYY-MM-DD), as YYYY-MM-DD; null when unreadable. */
export function weekAfter(date: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return null;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 7));
	return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * Fills what a weekly rhythm implies, in the posted form itself (so the page shows it if
 * anything else needs correcting): a later session left empty meets a week after the one
 * before, at the same time. What the person typed is kept as it is.
 */
export function fillWeeklyRhythm(form: FormData) {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.trim() : '';
	};
	for (let n = 2; n <= SESSION_COUNT; n++) {
		if (!text(`s${n}_date`)) form.set(`s${n}_date`, weekAfter(text(`s${n - 1}_date`)) ?? '');
		if (!text(`s${n}_time`)) form.set(`s${n}_time`, text(`s${n - 1}_time`));
	}
	return form;
}

/**
 * The new-cohort form. Dates are wall-clock times in the cohort's zone, checked to be in the
 * future, in order and not overlapping; each session lasts as long as the course says. The
 * group has one video room; a session may name its own instead.
 */
export function cohortInput(opts: { now: Date; minutes: number[] }) {
	return z
		.object({
			name: requiredText(120),
			locale: z.enum(locales as unknown as [string, ...string[]], { error: 'error_locale' }),
			timeZone: z
				.string({ error: 'error_time_zone' })
				.trim()
				.refine((v) => isTimeZone(v), 'error_time_zone'),
			capacity: z.coerce
				.number({ error: 'error_capacity' })
				.int('error_capacity')
				.min(1, 'error_capacity')
				.max(CAPACITY_MAX, 'error_capacity'),
			joinNeedsApproval: checkbox,
			peerTrainer: checkbox,
			minPresent: z.coerce
				.number({ error: 'error_min_present' })
				.int('error_min_present')
				.min(1, 'error_min_present')
				.max(SESSION_COUNT, 'error_min_present'),
			video: video.default('none'),
			url: httpsUrl,
			room,
			secret,
			...sessionShape
		})
		.transform((parsed, ctx) => {
			const raw = parsed as Record<string, unknown>;
			const v = parsed as unknown as {
				name: string;
				locale: string;
				timeZone: string;
				capacity: number;
				joinNeedsApproval: boolean;
				peerTrainer: boolean;
				minPresent: number;
			};
			const sessions: ({ number: number; startsAt: Date; endsAt: Date } & SessionVideo)[] = [];
			const groupVideo = videoOf(raw, '', ctx);
			for (let n = 1; n <= SESSION_COUNT; n++) {
				if (!raw[`s${n}_date`] || !raw[`s${n}_time`]) {
					ctx.addIssue({ code: 'custom', path: [`s${n}_date`], message: 'error_required' });
					continue;
				}
				const startsAt = zonedToUtc(
					String(raw[`s${n}_date`]),
					String(raw[`s${n}_time`]),
					v.timeZone
				);
				if (!startsAt) {
					ctx.addIssue({ code: 'custom', path: [`s${n}_date`], message: 'error_session_time' });
					continue;
				}
				if (startsAt.getTime() <= opts.now.getTime()) {
					ctx.addIssue({ code: 'custom', path: [`s${n}_date`], message: 'error_date_past' });
				}
				const endsAt = new Date(startsAt.getTime() + (opts.minutes[n - 1] ?? 180) * 60_000);
				const prev = sessions.at(-1);
				if (prev && prev.number === n - 1 && startsAt.getTime() < prev.endsAt.getTime()) {
					ctx.addIssue({ code: 'custom', path: [`s${n}_date`], message: 'error_session_order' });
				}
				const vid = raw[`s${n}_own`] === true ? videoOf(raw, `s${n}_`, ctx) : groupVideo;
				sessions.push({ number: n, startsAt, endsAt, ...vid });
			}
			const required = Array.from({ length: SESSION_COUNT }, (_, i) => i + 1).filter(
				(n) => raw[`s${n}_required`] === true
			);
			return {
				name: v.name,
				locale: v.locale,
				timeZone: v.timeZone,
				capacity: v.capacity,
				joinNeedsApproval: v.joinNeedsApproval,
				peerTrainer: v.peerTrainer,
				completionRule: { minPresent: v.minPresent, required },
				sessions
			};
		});
}

/** The video room named by the fields with this prefix: '' for the group's, `s2_` for a session's. */
function videoOf(raw: Record<string, unknown>, prefix: string, ctx: z.RefinementCtx): SessionVideo {
	const kind = raw[`${prefix}video`] as SessionVideo['videoKind'];
	const url = raw[`${prefix}url`] as string | null;
	const roomName = raw[`${prefix}room`] as string | null;
	const sec = raw[`${prefix}secret`] as string | null;
	const need = (field: string, ok: boolean, message: string) => {
		if (!ok) ctx.addIssue({ code: 'custom', path: [`${prefix}${field}`], message });
	};
	if (kind === 'jitsi') {
		need('url', !!url, 'error_video_url');
		need('room', !!roomName, 'error_room');
	} else if (kind === 'bbb') {
		need('url', !!url, 'error_video_url');
		need('secret', !!sec, 'error_bbb_secret');
	} else if (kind === 'link') {
		need('url', !!url, 'error_video_url');
	}
	return kind === 'none'
		? { videoKind: 'none', videoUrl: null, videoRoom: null, videoSecret: null }
		: {
				videoKind: kind,
				videoUrl: url,
				videoRoom: kind === 'jitsi' ? roomName : kind === 'bbb' ? (roomName ?? null) : null,
				videoSecret: kind === 'link' ? null : sec
			};
}

/** Gaps the issue asks us to warn about but not block: under a day, or over eight weeks. */
export function intervalWarnings(sessions: { number: number; startsAt: Date; endsAt: Date }[]) {
	const out: { from: number; to: number; kind: 'short' | 'long' }[] = [];
	for (let i = 1; i < sessions.length; i++) {
		const gap = sessions[i].startsAt.getTime() - sessions[i - 1].endsAt.getTime();
		if (gap < DAY) {
			out.push({ from: sessions[i - 1].number, to: sessions[i].number, kind: 'short' });
		}
		if (gap > 56 * DAY) {
			out.push({ from: sessions[i - 1].number, to: sessions[i].number, kind: 'long' });
		}
	}
	return out;
}
