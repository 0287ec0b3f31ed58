import { fail, redirect } from '@sveltejs/kit';
import { isUuid } from '#lib/forms/fields.ts';
import { appContext } from '#lib/server/context.ts';
import { crisisPanelHere } from '#lib/server/safety/crisis-panel.ts';
import { recordEnrolledJoin } from '#lib/server/attendance/record-attendance.ts';
import { jitsiEmbed, joinOpensAt, joinWindow } from '#lib/server/video/join-session.ts';
import { audioFirst, setAudioFirst } from '#lib/server/live/audio-first.ts';
import { VIDEO_ORIGIN_HEADER } from '#lib/server/security/csp.ts';
import { liveAccess, liveSubject, roomPhase } from '#lib/server/live/live-access.ts';
import { liveView } from '#lib/server/live/live-view.ts';
import { signalMoment, submitAnswer, upvote } from '#lib/server/live/submit-answer.ts';
import { announce } from '#lib/server/live/announce.ts';
import { livePostAllowed } from '#lib/server/live/live-post-limit.ts';
import { listAnsweredPulses } from '#lib/server/pulse/pulse.queries.ts';
import type { Actions, PageServerLoad } from './$types';

/*
 * No framework script here (ADR 015): the page is complete as HTML, forms post, and a small
 * script (built from src/lib/live/room/, served as /live-room.js) follows the event stream and
 * swaps the live panel in.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, cookies, setHeaders }) => {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, params.sessionId);
	// Before the join window only facilitators and admins come in, to preview the room.
	const preview = roomPhase(a.session) === 'preview';
	if (preview && !a.manages) redirect(303, `/cohorts/${a.ctx.cohort.id}?opens=${a.session.number}`);
	const open = joinWindow(a.session, new Date()) === 'open';
	// Being here is taking part: attendance is recorded on the first visit during the session.
	if (a.enrolmentId && open) {
		await recordEnrolledJoin(db, {
			cohortSessionId: a.session.id,
			enrolmentId: a.enrolmentId,
			startsAt: a.session.startsAt
		});
	}
	const name = a.enrolment?.displayName || a.user.name;
	const embed = open ? await jitsiEmbed(a.session, { name, facilitator: a.facilitator }) : null;
	if (embed) {
		// Only the configured Jitsi server may use the camera and microphone, inside its frame.
		const allow = `(self "${embed.origin}")`;
		setHeaders({
			'permissions-policy': `camera=${allow}, microphone=${allow}, display-capture=${allow}, fullscreen=${allow}, geolocation=()`,
			// The security hook adds it to the Content-Security-Policy (script and frame).
			[VIDEO_ORIGIN_HEADER]: embed.origin
		});
	}
	return {
		preview: preview ? joinOpensAt(a.session) : null,
		audioFirst: audioFirst(cookies),
		video: embed ? { ...embed, name } : null,
		sessionId: a.session.id,
		timeZone: a.user.timeZone,
		cohortId: a.ctx.cohort.id,
		cohortName: a.ctx.cohort.name,
		number: a.session.number,
		facilitator: a.facilitator,
		participant: !!a.enrolmentId,
		// Once answered, the feedback link is no longer offered in the room.
		pulseAnswered:
			!!a.enrolmentId && (await listAnsweredPulses(db, a.user.id, [a.session.id])).size > 0,
		hasVideo: a.session.videoKind !== 'none',
		crisis: await crisisPanelHere(db, locals.locale, locals.user),
		view: await liveView(db, {
			...liveSubject(a, locals.locale),
			enrolmentId: a.enrolmentId,
			facilitator: a.facilitator
		})
	};
};

function fieldsOf(form: FormData) {
	const list = (k: string) =>
		form
			.getAll(k)
			.map(String)
			.map((v) => v.trim())
			.filter(Boolean);
	return {
		word: form.get('word') ?? undefined,
		scale: form.get('scale') ?? undefined,
		options: list('options'),
		words: list('words'),
		cards: list('cards'),
		text: form.get('text') ?? undefined,
		column: form.get('column') ?? undefined,
		share: form.get('share') === 'on',
		done: form.get('done') === '1' ? true : undefined
	};
}

export const actions: Actions = {
	/* Audio first: camera off and no incoming video in the video room, on this device. */
	audio: async ({ params, request, locals, cookies, url }) => {
		const { db } = await appContext();
		await liveAccess(db, locals, params.sessionId);
		setAudioFirst(cookies, url, (await request.formData()).get('on') === '1');
		redirect(303, `/live/${params.sessionId}`);
	},
	answer: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const a = await liveAccess(db, locals, params.sessionId);
		if (!a.enrolmentId) return fail(403, { message: 'error_forbidden' });
		if (roomPhase(a.session) === 'preview') return fail(409, { message: 'live_room_not_open' });
		const form = await request.formData();
		const clientId = String(form.get('clientId') ?? '');
		const blockId = String(form.get('blockId') ?? '').slice(0, 100);
		if (!isUuid(clientId)) return fail(400, { message: 'error_summary' });
		if (!livePostAllowed(a.user.id, cfg.RATE_LIMIT_SCALE)) {
			return fail(429, { message: 'rate_limited' });
		}
		const r = await submitAnswer(db, {
			sessionId: a.session.id,
			structure: a.structure.structure,
			enrolmentId: a.enrolmentId,
			clientId,
			blockId,
			pass: form.get('pass') === '1',
			fields: fieldsOf(form),
			announce
		});
		if (!r.ok) return fail(r.status, { message: r.reason, errors: r.errors ?? {} });
		redirect(303, `/live/${a.session.id}?sent=${form.get('pass') === '1' ? 'pass' : 'answer'}`);
	},
	upvote: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const a = await liveAccess(db, locals, params.sessionId);
		if (!a.enrolmentId) return fail(403, { message: 'error_forbidden' });
		if (roomPhase(a.session) === 'preview') return fail(409, { message: 'live_room_not_open' });
		const answerId = String((await request.formData()).get('answerId') ?? '');
		if (!isUuid(answerId)) return fail(400, { message: 'error_summary' });
		if (!livePostAllowed(a.user.id, cfg.RATE_LIMIT_SCALE)) {
			return fail(429, { message: 'rate_limited' });
		}
		const r = await upvote(db, {
			sessionId: a.session.id,
			structure: a.structure.structure,
			enrolmentId: a.enrolmentId,
			answerId,
			announce
		});
		if (!r.ok) return fail(r.status, { message: r.reason });
		redirect(303, `/live/${a.session.id}`);
	},
	moment: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const a = await liveAccess(db, locals, params.sessionId);
		if (!a.enrolmentId) return fail(403, { message: 'error_forbidden' });
		if (roomPhase(a.session) === 'preview') return fail(409, { message: 'live_room_not_open' });
		const clientId = String((await request.formData()).get('clientId') ?? '');
		if (!isUuid(clientId)) return fail(400, { message: 'error_summary' });
		if (!livePostAllowed(a.user.id, cfg.RATE_LIMIT_SCALE)) {
			return fail(429, { message: 'rate_limited' });
		}
		await signalMoment(db, {
			sessionId: a.session.id,
			enrolmentId: a.enrolmentId,
			clientId,
			name: a.enrolment?.displayName || a.user.name,
			announce
		});
		redirect(303, `/live/${a.session.id}?moment=1`);
	}
};
