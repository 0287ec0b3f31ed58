import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '#lib/paraglide/messages.js';
import { appContext } from '#lib/server/context.ts';
import { getDbHandle } from '#lib/server/db/index.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { CAPACITY_MAX } from '#lib/server/cohorts/cohort-input.ts';
import { liveAccess, liveSubject, roomPhase } from '#lib/server/live/live-access.ts';
import { joinOpensAt } from '#lib/server/video/join-session.ts';
import { liveView } from '#lib/server/live/live-view.ts';
import { liveHub } from '#lib/server/live/live-hub.ts';
import { listAnswers, listOpenMoments } from '#lib/server/live/live.queries.ts';
import { facilitate, type FacilitatorAction } from '#lib/server/live/facilitate.ts';
import { announce } from '#lib/server/live/announce.ts';
import { listFacilitators } from '#lib/server/cohorts/cohorts.queries.ts';
import { runSheet } from '#lib/server/schedule/run-sheet.ts';
import { crisisProcedureFor } from '#lib/server/safety/crisis-procedure-view.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

async function requireFacilitator(locals: App.Locals, sessionId: string) {
	const { db } = await appContext();
	const a = await liveAccess(db, locals, sessionId);
	if (!a.facilitator) error(403, m.error_forbidden());
	return { db, a };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db, a } = await requireFacilitator(locals, params.sessionId);
	const view = await liveView(db, {
		...liveSubject(a, locals.locale),
		enrolmentId: null,
		facilitator: true
	});
	const people = await listEnrolmentsWithPeople(db, a.ctx.cohort.id);
	const connectedNames = await (await liveHub(getDbHandle)).connectedNames(a.session.id);
	const names = new Map(people.map((p) => [p.id, p.displayName || p.name]));
	const answers = view.activity ? await listAnswers(db, a.session.id, view.activity.blockId) : [];
	let offset = 0;
	const planned = view.agenda.map((b) => {
		const start = offset;
		offset += b.minutes;
		return start;
	});
	// The same clock times and leads as the run sheet, in the cohort's time zone.
	const sheet = runSheet({
		blocks: a.structure.structure.blocks,
		text: a.structure.text[locals.locale] ?? a.structure.text[a.ctx.pkg.course.sourceLocale],
		startsAt: a.session.startsAt,
		facilitators: (await listFacilitators(db, a.ctx.cohort.id)).map((p) => ({
			name: p.name,
			peerTrainer: p.peerTrainer
		}))
	});
	return {
		sessionId: a.session.id,
		timeZone: a.user.timeZone,
		cohortId: a.ctx.cohort.id,
		cohortTimeZone: a.ctx.cohort.timeZone,
		crisisProcedure: await crisisProcedureFor(
			db,
			a.ctx.cohort.organisationId,
			locals.locale,
			a.user.timeZone
		),
		runSheet: sheet.rows.map((r) => ({ startsAt: r.startsAt, endsAt: r.endsAt, leads: r.leads })),
		// Before the join window: a preview, where nothing can be changed (roomPhase).
		phase: roomPhase(a.session),
		opensAt: joinOpensAt(a.session),
		cohortName: a.ctx.cohort.name,
		number: a.session.number,
		view,
		planned,
		sessionStartsAt: a.session.startsAt,
		connectedNames,
		enrolled: people.filter((p) => p.status === 'enrolled').length,
		participants: people
			.filter((p) => p.status === 'enrolled')
			.map((p) => ({ id: p.id, name: p.displayName || p.name })),
		moments: (await listOpenMoments(db, a.session.id)).map((x) => ({
			id: x.id,
			name: names.get(x.enrolmentId) ?? '',
			at: x.createdAt
		})),
		contributions: answers
			.filter((x) => !x.passed && x.shared && 'text' in (x.payload as object))
			.map((x) => ({
				id: x.id,
				text: String((x.payload as { text: string }).text),
				hidden: !!x.hiddenBy
			}))
	};
};

const act = z.object({
	action: z.enum(
		[
			'begin',
			'next',
			'back',
			'start',
			'close',
			'reveal',
			'timer',
			'ack',
			'hide',
			'breakout',
			'end-breakout',
			'move-to-group',
			'manual-breakout'
		],
		{
			error: 'error_choice'
		}
	),
	minutes: z.coerce.number().int().min(0).max(60).optional(),
	mode: z.enum(['pairs', 'trios', 'language']).optional(),
	apartA: z.union([z.uuid(), z.literal('')]).optional(),
	apartB: z.union([z.uuid(), z.literal('')]).optional(),
	group: z.coerce.number().int().min(1).max(40).optional(),
	id: z.uuid().optional()
});

/*
 * The manual breakout form has one select per person, named `place:<enrolment id>` (one name
 * per control, so the form is valid HTML and nothing depends on field order).
 * Who may be placed is the use case's rule; here only the shape is checked.
 */
const manualPlacements = z
	.object({
		people: z.array(z.uuid()).min(1).max(CAPACITY_MAX),
		groups: z.array(z.coerce.number().int().min(1).max(CAPACITY_MAX))
	})
	.refine((d) => d.people.length === d.groups.length);

const refusals = {
	'no-activity': [409, 'live_no_activity'],
	'not-found': [409, 'error_not_found'],
	'unknown-person': [400, 'live_breakout_unknown_person'],
	'duplicate-person': [400, 'live_breakout_duplicate_person'],
	'missing-person': [409, 'live_breakout_missing_person'],
	alone: [400, 'live_breakout_alone']
} as const;

// One failure shape for every refusal, so `placed` survives TypeScript's union reduction.
type Refusal = { message: string; placed?: { id: string; group: number }[] };
const refuse = (status: number, r: Refusal) => fail(status, r);

export const actions: Actions = {
	default: async ({ params, request, locals, url }) => {
		const { db, a } = await requireFacilitator(locals, params.sessionId);
		if (roomPhase(a.session) === 'preview') {
			return refuse(409, { message: 'live_preview_no_changes' });
		}
		const form = await request.formData();
		const parsed = parseForm(act, form);
		if (!parsed.ok) return refuse(400, { message: 'error_choice' });
		const d = parsed.data;
		// Sent back on a refusal so the selects keep what the facilitator chose.
		let placed: Refusal['placed'];
		let action: FacilitatorAction;
		if (d.action === 'timer') action = { type: 'timer', minutes: d.minutes ?? 0 };
		else if (d.action === 'manual-breakout') {
			const chosen = [...form.entries()].filter(([k]) => k.startsWith('place:'));
			const mp = manualPlacements.safeParse({
				people: chosen.map(([k]) => k.slice('place:'.length)),
				groups: chosen.map(([, v]) => v)
			});
			if (!mp.success) return refuse(400, { message: 'error_choice' });
			const groups = mp.data.people.map((enrolmentId, i) => ({
				enrolmentId,
				group: mp.data.groups[i]
			}));
			placed = groups.map((g) => ({ id: g.enrolmentId, group: g.group }));
			action = { type: 'manual-breakout', groups };
		} else if (d.action === 'breakout') {
			const keepApart: [string, string][] =
				d.apartA && d.apartB && d.apartA !== d.apartB ? [[d.apartA, d.apartB]] : [];
			action = { type: 'breakout', mode: d.mode ?? 'pairs', keepApart };
		} else if (d.action === 'move-to-group') {
			if (!d.id || !d.group) return refuse(400, { message: 'error_not_found' });
			action = { type: 'move-to-group', enrolmentId: d.id, group: d.group };
		} else if (d.action === 'end-breakout') action = { type: 'end-breakout' };
		else if (d.action === 'ack' || d.action === 'hide') {
			if (!d.id) return refuse(400, { message: 'error_not_found' });
			action = { type: d.action, id: d.id };
		} else action = { type: d.action };
		const r = await facilitate(db, {
			sessionId: a.session.id,
			structure: a.structure.structure,
			by: a.user.id,
			action,
			announce
		});
		if (!r.ok) {
			const [status, message] = refusals[r.reason];
			return refuse(status, { message, placed });
		}
		// Post/redirect/get: reloading the console afterwards must not send "Next" again.
		redirect(303, url.pathname);
	}
};
