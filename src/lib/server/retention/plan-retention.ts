import type { DbOrTx } from '../db/client.ts';
import { countAuditEventsBefore } from '../audit/audit-events.queries.ts';
import { findRetentionSettings, type RetentionSettings } from './retention-settings.queries.ts';
import {
	countCohortData,
	countOutboxBefore,
	listCohortEnds,
	listRetentionNotices,
	listWorkbookOwners
} from './retention.queries.ts';
import {
	addMonths,
	COHORT_KINDS,
	daysAfter,
	latest,
	NOTICE_DAYS,
	type RetentionKind
} from './retention-periods.ts';

export type PlanItem = {
	kind: RetentionKind;
	/** Null for the outbox and the audit log, which are dated by message and event. */
	cohortId: string | null;
	cohortName: string | null;
	endedAt: Date | null;
	/** Rows that will go (all the kind's tables together); never what they contain. */
	count: number;
	/** When the period is over. */
	dueAt: Date;
	/** The first daily run at or after this deletes it. Later than dueAt when held. */
	deleteOn: Date;
	/** Why deleteOn is later than dueAt: people not yet told 14 days ahead, a recent change. */
	heldBy: 'notice' | 'change' | null;
	/** Workbooks only: how many people are (or will be) told ahead of time. */
	people?: number;
};

export type RetentionPlan = {
	settings: RetentionSettings;
	items: PlanItem[];
	/** Cohorts that have not ended at `now`: nothing of theirs is planned. */
	running: { id: string; name: string; endsAt: Date | null }[];
};

/**
 * The dry run: everything retention will delete, per cohort and kind, with counts and the date,
 * as of `now`. The daily job deletes exactly the items whose `deleteOn` has come, so admins read
 * here what it will do. Nothing is changed.
 *
 * A cohort has ended when it was cancelled, or else when its last session (not cancelled) is
 * over; until then it is running and none of its data is planned, however old. Live, workbook
 * and evaluation data are due their period after the end; outbox messages their period after
 * sending (those about a running cohort stay) and audit events their period after the event.
 *
 * A workbook is deleted only when every person who wrote in it was told at least 14 days
 * before (sendRetentionNotices): a person not told yet is told at the next run, 14 days
 * before the period ends at the earliest, and the deletion waits 14 days from then. After an
 * admin changes the periods nothing is deleted for 14 days, so the new plan can be read (and
 * corrected) before it acts.
 */
export async function planRetention(
	q: DbOrTx,
	input: { organisationId: string; now: Date }
): Promise<RetentionPlan> {
	const { now } = input;
	const settings = await findRetentionSettings(q, input.organisationId);
	const hold = settings.updatedAt ? daysAfter(settings.updatedAt, NOTICE_DAYS) : null;
	const cohorts = await listCohortEnds(q, input.organisationId);
	const ended = cohorts.filter(
		(c): c is typeof c & { endedAt: Date } => !!c.endedAt && c.endedAt <= now
	);
	const running = cohorts
		.filter((c) => !c.endedAt || c.endedAt > now)
		.map((c) => ({ id: c.id, name: c.name, endsAt: c.endedAt }));
	const ids = ended.map((c) => c.id);
	const items: PlanItem[] = [];
	for (const kind of COHORT_KINDS) {
		const counts = await countCohortData(q, kind, ids);
		for (const c of ended) {
			const count = counts.get(c.id) ?? 0;
			if (!count) continue;
			const dueAt = addMonths(c.endedAt, settings[kind]);
			let deleteOn = latest(dueAt, hold);
			let heldBy: PlanItem['heldBy'] = deleteOn > dueAt ? 'change' : null;
			let people: number | undefined;
			if (kind === 'workbook') {
				const told = await noticeBound(q, c.id, dueAt, now);
				people = told.people;
				if (told.until > deleteOn) {
					deleteOn = told.until;
					heldBy = 'notice';
				}
			}
			items.push({
				kind,
				cohortId: c.id,
				cohortName: c.name,
				endedAt: c.endedAt,
				count,
				dueAt,
				deleteOn,
				heldBy,
				people
			});
		}
	}
	const keep = running.map((c) => c.id);
	const logs = [
		{
			kind: 'outbox' as const,
			count: await countOutboxBefore(q, addMonths(now, -settings.outbox), keep)
		},
		{
			kind: 'audit' as const,
			count: await countAuditEventsBefore(q, addMonths(now, -settings.audit))
		}
	];
	for (const l of logs) {
		if (!l.count) continue;
		const deleteOn = latest(now, hold);
		items.push({
			kind: l.kind,
			cohortId: null,
			cohortName: null,
			endedAt: null,
			count: l.count,
			dueAt: now,
			deleteOn,
			heldBy: deleteOn > now ? 'change' : null
		});
	}
	items.sort((a, b) => a.deleteOn.getTime() - b.deleteOn.getTime());
	return { settings, items, running };
}

/*
 * The earliest a cohort's workbooks may go given the notices: 14 days after the last person
 * was told, or, while someone is still to be told, 14 days after the run that will tell them
 * (which is not before 14 days ahead of the period's end).
 */
async function noticeBound(q: DbOrTx, cohortId: string, dueAt: Date, now: Date) {
	const owners = await listWorkbookOwners(q, cohortId);
	const notices = await listRetentionNotices(q, cohortId);
	const toldAt = new Map(notices.map((n) => [n.userId, n.at]));
	const untold = owners.some((o) => !toldAt.has(o.id));
	const lastTold = latest(...owners.map((o) => toldAt.get(o.id)), new Date(0));
	const until = untold
		? daysAfter(latest(now, daysAfter(dueAt, -NOTICE_DAYS)), NOTICE_DAYS)
		: daysAfter(lastTold, NOTICE_DAYS);
	return { until, people: owners.length };
}

/** A workbook is due for its notice once its deletion is at most 14 days away. */
export function noticeDue(item: PlanItem, now: Date) {
	return item.kind === 'workbook' && daysAfter(item.dueAt, -NOTICE_DAYS) <= now;
}
