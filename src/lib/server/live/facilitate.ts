import type { LiveActivityState, PublicLiveState } from '#lib/live/live-events.ts';
import type { Db } from '../db/client.ts';
import type { SessionStructure } from '../courses/course-package.schema.ts';
import type { LiveBreakout } from '../db/schema/index.ts';
import {
	insertLiveState,
	markMomentAcknowledged,
	markAnswerHidden,
	listSessionParticipants,
	lockState,
	upsertLiveState
} from './live.queries.ts';
import { commitLiveEvents, type Announce } from './commit-live-events.ts';
import { resultsFor } from './results.ts';
import {
	assignBreakouts,
	movePerson,
	placeManually,
	type BreakoutMode,
	type ManualPlacement,
	type ManualRefusal
} from './breakouts.ts';

export type FacilitatorAction =
	| { type: 'begin' | 'next' | 'back' | 'start' | 'close' | 'reveal' }
	| { type: 'timer'; minutes: number }
	| { type: 'breakout'; mode: BreakoutMode; keepApart?: [string, string][] }
	| { type: 'manual-breakout'; groups: ManualPlacement[] }
	| { type: 'move-to-group'; enrolmentId: string; group: number }
	| { type: 'end-breakout' }
	| { type: 'ack'; id: string }
	| { type: 'hide'; id: string };

export type ActionResult =
	{ ok: true } | { ok: false; reason: 'no-activity' | 'not-found' | ManualRefusal };

/**
 * Applies one facilitator action to a live session and records it as an event, in one
 * transaction holding the session's state row: two co-facilitators pressing "next" at once
 * move one block each, in order, and every client sees the same sequence. The streams are
 * told after the commit.
 *
 * 'begin' begins the session at its first part and is done once: pressed again (by a
 * co-facilitator at the same moment, or a form sent twice) it changes nothing and tells nobody.
 * Acknowledging an "I need a moment" or hiding a contribution leaves the session's state
 * alone, so neither begins a session. Any other action on a session not yet begun begins it.
 *
 * 'manual-breakout' places people exactly as listed (see placeManually for what is
 * refused); a refusal stores nothing and emits no event. Re-arranging the breakout that is
 * already running keeps its timer: regrouping does not restart the clock.
 */
export async function facilitate(
	db: Db,
	input: {
		sessionId: string;
		structure: SessionStructure;
		by: string;
		action: FacilitatorAction;
		announce: Announce;
		now?: Date;
	}
): Promise<ActionResult> {
	const now = input.now ?? new Date();
	const blocks = input.structure.blocks;
	const a = input.action;
	return commitLiveEvents(db, input.announce, async (tx, events): Promise<ActionResult> => {
		if (a.type === 'ack') {
			const row = await markMomentAcknowledged(tx, input.sessionId, a.id, input.by);
			if (!row) return { ok: false, reason: 'not-found' };
			events.record(input.sessionId, { kind: 'moment-ack', payload: { id: row.id } });
			return { ok: true };
		}
		if (a.type === 'hide') {
			const row = await markAnswerHidden(tx, input.sessionId, a.id, input.by);
			if (!row) return { ok: false, reason: 'not-found' };
			events.record(input.sessionId, {
				kind: 'hidden',
				payload: { id: row.id, blockId: row.blockId }
			});
			return { ok: true };
		}
		if (a.type === 'begin') {
			if (!(await insertLiveState(tx, input.sessionId, now))) return { ok: true };
			const row = await lockState(tx, input.sessionId, now);
			events.record(input.sessionId, { kind: 'state', payload: publicState(row) });
			return { ok: true };
		}
		const state = await lockState(tx, input.sessionId, now);
		const block = blocks[state.blockIndex];
		const activity: LiveActivityState | null = state.activity ?? null;
		const emitState = async (patch: Parameters<typeof upsertLiveState>[2]) => {
			const row = await upsertLiveState(tx, input.sessionId, { ...patch, updatedAt: now });
			events.record(input.sessionId, { kind: 'state', payload: publicState(row) });
		};
		const openActivity = (): LiveActivityState => ({
			blockId: block.id,
			status: 'open',
			revealed: false,
			startedAt: now.toISOString()
		});
		switch (a.type) {
			case 'next':
			case 'back': {
				const i = Math.min(
					blocks.length - 1,
					Math.max(0, state.blockIndex + (a.type === 'next' ? 1 : -1))
				);
				await emitState({
					blockIndex: i,
					blockStartedAt: now,
					activity: null,
					timerEndsAt: null,
					breakout: null
				});
				return { ok: true };
			}
			case 'start':
				if (!block.activity) return { ok: false, reason: 'no-activity' };
				await emitState({ activity: openActivity() });
				return { ok: true };
			case 'close':
				if (!activity) return { ok: false, reason: 'no-activity' };
				await emitState({ activity: { ...activity, status: 'closed' } });
				return { ok: true };
			case 'reveal': {
				if (!activity) return { ok: false, reason: 'no-activity' };
				await emitState({ activity: { ...activity, revealed: true } });
				const def = blocks.find((b) => b.id === activity!.blockId)?.activity;
				if (def) {
					events.record(input.sessionId, {
						kind: 'results',
						payload: {
							blockId: activity.blockId,
							results: await resultsFor(tx, input.sessionId, activity.blockId, def)
						}
					});
				}
				return { ok: true };
			}
			case 'breakout': {
				if (block.activity?.type !== 'breakout') return { ok: false, reason: 'no-activity' };
				const groups = await assignBreakouts(tx, input.sessionId, a.mode, a.keepApart);
				await emitState({
					activity: activity ?? openActivity(),
					breakout: { blockId: block.id, mode: a.mode, groups },
					timerEndsAt: new Date(now.getTime() + block.activity.minutes * 60_000)
				});
				return { ok: true };
			}
			case 'manual-breakout': {
				if (block.activity?.type !== 'breakout') return { ok: false, reason: 'no-activity' };
				const enrolled = await listSessionParticipants(tx, input.sessionId);
				const placed = placeManually(
					enrolled.map((p) => p.id),
					a.groups
				);
				if (!placed.ok) return placed;
				const running = state.breakout?.blockId === block.id;
				await emitState({
					activity: activity ?? openActivity(),
					breakout: { blockId: block.id, mode: 'manual', groups: placed.groups },
					timerEndsAt:
						running && state.timerEndsAt
							? state.timerEndsAt
							: new Date(now.getTime() + block.activity.minutes * 60_000)
				});
				return { ok: true };
			}
			case 'move-to-group': {
				const b = state.breakout;
				const groups = b && movePerson(b.groups, a.enrolmentId, a.group);
				if (!b || !groups) return { ok: false, reason: 'not-found' };
				await emitState({ breakout: { ...b, groups } });
				return { ok: true };
			}
			case 'end-breakout':
				await emitState({ breakout: null, timerEndsAt: null });
				return { ok: true };
			case 'timer':
				await emitState({
					timerEndsAt: a.minutes > 0 ? new Date(now.getTime() + a.minutes * 60_000) : null
				});
				return { ok: true };
		}
	});
}

/* What every client may know: group numbers and sizes travel, never who is in which group. */
export function publicState(s: {
	blockIndex: number;
	blockStartedAt: Date;
	activity: LiveActivityState | null;
	timerEndsAt: Date | null;
	breakout?: LiveBreakout | null;
}): PublicLiveState {
	return {
		blockIndex: s.blockIndex,
		blockStartedAt: s.blockStartedAt.toISOString(),
		activity: s.activity,
		timerEndsAt: s.timerEndsAt?.toISOString() ?? null,
		breakoutGroups: s.breakout?.groups.map((g) => g.members.length) ?? null
	};
}
