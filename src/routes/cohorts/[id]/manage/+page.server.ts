import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { email, parseForm } from '#lib/forms/fields.ts';
import { locales } from '#lib/server/i18n/locale.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { listAttendance } from '#lib/server/attendance/attendance.queries.ts';
import { listCohortEmails } from '#lib/server/notifications/outbox.queries.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { listFacilitators } from '#lib/server/cohorts/cohorts.queries.ts';
import { setJoinLink } from '#lib/server/cohorts/set-join-link.ts';
import { setPeerTrainer } from '#lib/server/cohorts/set-peer-trainer.ts';
import { cancelInvitation } from '#lib/server/accounts/cancel-invitation.ts';
import { visibleBackground } from '#lib/server/enrolment/participant-background.ts';
import { intervalWarnings } from '#lib/server/cohorts/cohort-input.ts';
import { inviteToCohort } from '#lib/server/enrolment/invite-to-cohort.ts';
import { decideRequest } from '#lib/server/enrolment/decide-request.ts';
import { correctAttendance } from '#lib/server/attendance/record-attendance.ts';
import { moveSession } from '#lib/server/schedule/move-session.ts';
import { cancelCohort } from '#lib/server/cohorts/cancel-cohort.ts';
import { completionOf, marksByEnrolment } from '#lib/server/attendance/completion.ts';
import { isClosed, sessionTitle } from '#lib/server/cohorts/cohort-context.ts';
import { listCohortInvitations } from '#lib/server/accounts/invitations.queries.ts';
import { zonedToUtc, wallClock } from '#lib/time/zoned.ts';
import { roomPhase } from '#lib/server/live/live-access.ts';
import { joinOpensAt } from '#lib/server/video/join-session.ts';
import { recordProfileReads } from '#lib/server/audit/record-profile-reads.ts';
import type { AttendanceStatus } from '#lib/server/db/schema/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, cfg } = await appContext();
	const { ctx, user, facilitator: isFacilitator } = await requireManager(db, locals, params.id);
	const now = new Date();
	const people = await listEnrolmentsWithPeople(db, ctx.cohort.id);
	// The roster below shows access needs and, where allowed, backgrounds: each person can
	// later see that this facilitator or admin was shown them.
	await recordProfileReads(
		db,
		{ id: user.id, facilitator: isFacilitator },
		ctx.cohort.id,
		people
			.filter((p) => p.status === 'enrolled')
			.map((p) => ({
				userId: p.userId,
				accessNeeds: p.accessNeeds,
				backgroundShown: visibleBackground(p, 'facilitator') !== null
			})),
		now
	);
	const marks = await listAttendance(db, ctx.cohort.id);
	const byPerson = marksByEnrolment(marks);
	const facilitators = await listFacilitators(db, ctx.cohort.id);
	const enrolled = people.filter((p) => p.status === 'enrolled');
	return {
		cohort: {
			id: ctx.cohort.id,
			name: ctx.cohort.name,
			capacity: ctx.cohort.capacity,
			timeZone: ctx.cohort.timeZone,
			locale: ctx.cohort.locale,
			cancelled: !!ctx.cohort.cancelledAt,
			closed: isClosed(ctx, now),
			joinNeedsApproval: ctx.cohort.joinNeedsApproval,
			joinUrl: ctx.cohort.joinToken ? `${cfg.origin}/join/${ctx.cohort.joinToken}` : null,
			completionRule: ctx.cohort.completionRule,
			courseVersion: ctx.version
		},
		created: url.searchParams.has('created'),
		viewerTimeZone: user.timeZone,
		sessions: ctx.sessions.map((s) => ({
			id: s.id,
			number: s.number,
			title: sessionTitle(ctx, s.number, locals.locale),
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			wall: wallClock(s.startsAt.getTime(), ctx.cohort.timeZone),
			videoKind: s.videoKind,
			past: s.startsAt.getTime() <= now.getTime(),
			// The way into the room: a preview before its join window, for facilitators only.
			room: roomPhase(s, now),
			opensAt: joinOpensAt(s),
			roomUrl: `${cfg.origin}/live/${s.id}`
		})),
		warnings: intervalWarnings(ctx.sessions),
		facilitators: facilitators.map((f) => ({
			userId: f.userId,
			name: f.name,
			peerTrainer: f.peerTrainer,
			me: f.userId === user.id
		})),
		roster: enrolled.map((p) => ({
			id: p.id,
			name: p.displayName || p.name,
			email: p.email,
			pronouns: p.pronouns,
			background: visibleBackground(p, 'facilitator'),
			accessNeeds: p.accessNeeds,
			attendance: Object.fromEntries(byPerson.get(p.id) ?? []),
			completion: completionOf(
				ctx.cohort.completionRule,
				ctx.sessions,
				byPerson.get(p.id) ?? new Map(),
				now
			)
		})),
		waitlist: people
			.filter((p) => p.status === 'waitlisted')
			.map((p) => ({ id: p.id, name: p.displayName || p.name, email: p.email, since: p.statusAt })),
		pending: people
			.filter((p) => p.status === 'pending')
			.map((p) => ({ id: p.id, name: p.displayName || p.name, email: p.email, since: p.statusAt })),
		freePlaces: Math.max(0, ctx.cohort.capacity - enrolled.length),
		invitations: await listCohortInvitations(db, ctx.cohort.id, now),
		emails: await listCohortEmails(db, ctx.cohort.id)
	};
};

const invite = z.object({
	email,
	locale: z.enum(locales as unknown as [string, ...string[]], { error: 'error_locale' })
});
const uuid = z.uuid({ error: 'error_not_found' });

export const actions: Actions = {
	invite: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const { ctx, user } = await requireManager(db, locals, params.id);
		const parsed = parseForm(invite, await request.formData());
		if (!parsed.ok) {
			return fail(400, { form: 'invite', errors: parsed.errors, values: parsed.values });
		}
		if (
			!(await hit(db, `cohort-invite:${user.id}`, {
				max: 60 * cfg.RATE_LIMIT_SCALE,
				windowS: 3600
			}))
		) {
			return fail(429, { form: 'invite', message: 'rate_limited', values: parsed.data });
		}
		const r = await inviteToCohort(db, cfg, {
			cohortId: ctx.cohort.id,
			email: parsed.data.email,
			locale: parsed.data.locale,
			invitedBy: user.id
		});
		if (!r.ok) {
			return fail(409, {
				form: 'invite',
				message: r.reason === 'closed' ? 'error_cohort_closed' : 'error_already_in_cohort',
				values: parsed.data
			});
		}
		return { form: 'invite', invited: parsed.data.email };
	},
	cancelInvite: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx } = await requireManager(db, locals, params.id);
		const parsed = parseForm(z.object({ id: uuid }), await request.formData());
		if (!parsed.ok) return fail(400, { form: 'cancelInvite', message: 'error_not_found' });
		const email = await cancelInvitation(db, {
			organisationId: ctx.cohort.organisationId,
			id: parsed.data.id,
			cohortId: ctx.cohort.id
		});
		if (!email) return fail(404, { form: 'cancelInvite', message: 'error_not_found' });
		return { form: 'cancelInvite', cancelledInvite: email };
	},
	decide: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const { ctx } = await requireManager(db, locals, params.id);
		const parsed = parseForm(
			z.object({ enrolmentId: uuid, decision: z.enum(['approve', 'decline']) }),
			await request.formData()
		);
		if (!parsed.ok) return fail(400, { form: 'decide', message: 'error_not_found' });
		const r = await decideRequest(db, cfg, {
			cohortId: ctx.cohort.id,
			enrolmentId: parsed.data.enrolmentId,
			approve: parsed.data.decision === 'approve'
		});
		if (!r.ok) return fail(404, { form: 'decide', message: 'error_not_found' });
		return { form: 'decide', decided: r.status };
	},
	attendance: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx, user } = await requireManager(db, locals, params.id);
		const form = await request.formData();
		const allowed = new Set(['present', 'late', 'left_early', 'excused', 'absent']);
		let changed = 0;
		// Field names are "a:<enrolmentId>:<sessionId>"; anything else is ignored, bad values refused.
		for (const [key, value] of form) {
			const m = /^a:([0-9a-f-]{36}):([0-9a-f-]{36})$/.exec(key);
			if (!m || value === '') continue;
			if (typeof value !== 'string' || !allowed.has(value)) {
				return fail(400, { form: 'attendance', message: 'error_attendance' });
			}
			const ok = await correctAttendance(db, {
				cohortId: ctx.cohort.id,
				enrolmentId: m[1],
				cohortSessionId: m[2],
				status: value as AttendanceStatus,
				by: user.id
			});
			if (!ok) return fail(400, { form: 'attendance', message: 'error_attendance' });
			changed++;
		}
		return { form: 'attendance', saved: changed };
	},
	move: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const { ctx } = await requireManager(db, locals, params.id);
		const parsed = parseForm(
			z.object({
				number: z.coerce.number().int().min(1).max(4),
				date: z.string().max(20),
				time: z.string().max(10)
			}),
			await request.formData()
		);
		if (!parsed.ok) return fail(400, { form: 'move', message: 'error_session_time' });
		const startsAt = zonedToUtc(parsed.data.date, parsed.data.time, ctx.cohort.timeZone);
		if (!startsAt) {
			return fail(400, { form: 'move', number: parsed.data.number, message: 'error_session_time' });
		}
		const r = await moveSession(db, cfg, {
			cohortId: ctx.cohort.id,
			number: parsed.data.number,
			startsAt
		});
		if (!r.ok) {
			const message =
				r.reason === 'past'
					? 'error_date_past'
					: r.reason === 'order'
						? 'error_session_order'
						: 'error_cohort_closed';
			return fail(400, { form: 'move', number: parsed.data.number, message });
		}
		return { form: 'move', moved: parsed.data.number };
	},
	joinLink: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx } = await requireManager(db, locals, params.id);
		const off = (await request.formData()).get('off') === '1';
		await setJoinLink(db, ctx.cohort.id, !off);
		return { form: 'joinLink', renewed: !off };
	},
	peer: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx, user, facilitator } = await requireManager(db, locals, params.id);
		if (!facilitator) return fail(400, { form: 'peer', message: 'error_not_found' });
		const on = (await request.formData()).get('peerTrainer') === 'on';
		await setPeerTrainer(db, ctx.cohort.id, user.id, on);
		return { form: 'peer', saved: true };
	},
	cancel: async ({ params, request, locals }) => {
		const { db, cfg } = await appContext();
		const { ctx } = await requireManager(db, locals, params.id);
		if ((await request.formData()).get('confirm') !== ctx.cohort.name) {
			return fail(400, { form: 'cancel', message: 'error_confirm_name' });
		}
		const r = await cancelCohort(db, cfg, ctx.cohort.id);
		if (!r.ok) return fail(409, { form: 'cancel', message: 'error_cohort_closed' });
		return { form: 'cancel', cancelled: true };
	}
};
